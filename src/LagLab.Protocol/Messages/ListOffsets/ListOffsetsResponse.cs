using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.ListOffsets;

/// <summary>ListOffsets response (key 2), versions 0-5. throttle_time_ms v2+.</summary>
public sealed record ListOffsetsResponse(IReadOnlyList<ListOffsetsResponse.Topic> Topics, int ThrottleTimeMs = 0)
    : IKafkaMessage<ListOffsetsResponse>
{
    public static ListOffsetsResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = version >= 2 ? reader.ReadInt32() : 0;
        return new ListOffsetsResponse(reader.ReadArray<Topic>(version), throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 2)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
        writer.WriteArray(Topics, version);
    }

    public sealed record Topic(string Name, IReadOnlyList<Partition> Partitions) : TopicEntry<Partition>(Name, Partitions), IKafkaMessage<Topic>
    {
        public static Topic Read(ref KafkaReader reader, short version) =>
            new(reader.ReadString(compact: false), reader.ReadArray<Partition>(version));
    }

    /// <summary>
    /// One partition's answer. v0 carries only OldStyleOffsets (sarama reads exactly one element);
    /// v1+ carries Timestamp and Offset instead; LeaderEpoch v4+.
    /// </summary>
    public sealed record Partition(
        int Index,
        ErrorCode ErrorCode,
        long Timestamp = -1,
        long Offset = -1,
        int LeaderEpoch = -1,
        IReadOnlyList<long>? OldStyleOffsets = null) : IKafkaMessage<Partition>
    {
        public IReadOnlyList<long> OldStyleOffsets { get; init; } = OldStyleOffsets ?? [];

        public static Partition Read(ref KafkaReader reader, short version)
        {
            var index = reader.ReadInt32();
            var errorCode = (ErrorCode)reader.ReadInt16();
            var oldStyle = version == 0 ? reader.ReadInt64Array() : null;
            var timestamp = version >= 1 ? reader.ReadInt64() : -1;
            var offset = version >= 1 ? reader.ReadInt64() : -1;
            var leaderEpoch = version >= 4 ? reader.ReadInt32() : -1;
            return new Partition(index, errorCode, timestamp, offset, leaderEpoch, oldStyle);
        }

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteInt32(Index);
            writer.WriteInt16(ErrorCode);
            if (version == 0)
            {
                writer.WriteInt64Array(OldStyleOffsets);
            }
            if (version >= 1)
            {
                writer.WriteInt64(Timestamp);
                writer.WriteInt64(Offset);
            }
            if (version >= 4)
            {
                writer.WriteInt32(LeaderEpoch);
            }
        }
    }
}
