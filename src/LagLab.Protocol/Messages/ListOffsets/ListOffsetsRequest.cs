using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.ListOffsets;

/// <summary>
/// ListOffsets request (key 2), versions 0-5. isolation_level v2+; per partition current_leader_epoch v4+
/// and max_num_offsets in v0 only. Timestamp -1 asks for the latest offset, -2 for the earliest.
/// </summary>
public sealed record ListOffsetsRequest(int ReplicaId, IReadOnlyList<ListOffsetsRequest.Topic> Topics, IsolationLevel IsolationLevel = IsolationLevel.ReadUncommitted)
    : IKafkaRequest<ListOffsetsRequest, ListOffsetsResponse>
{
    public const long LatestTimestamp = -1;

    public const long EarliestTimestamp = -2;

    public static ApiKey ApiKey => ApiKey.ListOffsets;

    public static ListOffsetsRequest Read(ref KafkaReader reader, short version)
    {
        var replicaId = reader.ReadInt32();
        var isolation = version >= 2 ? (IsolationLevel)reader.ReadInt8() : IsolationLevel.ReadUncommitted;
        return new ListOffsetsRequest(replicaId, reader.ReadArray<Topic>(version), isolation);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteInt32(ReplicaId);
        if (version >= 2)
        {
            writer.WriteInt8((sbyte)IsolationLevel);
        }
        writer.WriteArray(Topics, version);
    }

    public sealed record Topic(string Name, IReadOnlyList<Partition> Partitions) : TopicEntry<Partition>(Name, Partitions), IKafkaMessage<Topic>
    {
        public static Topic Read(ref KafkaReader reader, short version) =>
            new(reader.ReadString(compact: false), reader.ReadArray<Partition>(version));
    }

    public sealed record Partition(int Index, long Timestamp, int CurrentLeaderEpoch = -1, int MaxNumOffsets = 1) : IKafkaMessage<Partition>
    {
        public static Partition Read(ref KafkaReader reader, short version)
        {
            var index = reader.ReadInt32();
            var leaderEpoch = version >= 4 ? reader.ReadInt32() : -1;
            var timestamp = reader.ReadInt64();
            var maxNumOffsets = version == 0 ? reader.ReadInt32() : 1;
            return new Partition(index, timestamp, leaderEpoch, maxNumOffsets);
        }

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteInt32(Index);
            if (version >= 4)
            {
                writer.WriteInt32(CurrentLeaderEpoch);
            }
            writer.WriteInt64(Timestamp);
            if (version == 0)
            {
                writer.WriteInt32(MaxNumOffsets);
            }
        }
    }
}
