using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.OffsetForLeaderEpoch;

/// <summary>
/// OffsetForLeaderEpoch request (key 23), versions 2-3. replica_id from v3 (-2 = a debug consumer, -1 =
/// an ordinary consumer); current_leader_epoch (for fencing) is present at every version we speak.
/// </summary>
public sealed record OffsetForLeaderEpochRequest(IReadOnlyList<OffsetForLeaderEpochRequest.Topic> Topics, int ReplicaId = -2)
    : IKafkaRequest<OffsetForLeaderEpochRequest, OffsetForLeaderEpochResponse>
{
    public sealed record Topic(string Name, IReadOnlyList<Partition> Partitions);

    public sealed record Partition(int PartitionIndex, int CurrentLeaderEpoch, int LeaderEpoch);

    public static ApiKey ApiKey => ApiKey.OffsetForLeaderEpoch;

    public static OffsetForLeaderEpochRequest Read(ref KafkaReader reader, short version)
    {
        var replicaId = version >= 3 ? reader.ReadInt32() : -2;
        var topics = reader.ReadTopics(version, ReadPartition, static (name, partitions) => new Topic(name, partitions));
        return new OffsetForLeaderEpochRequest(topics, replicaId);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 3)
        {
            writer.WriteInt32(ReplicaId);
        }
        writer.WriteTopics(Topics, version, static topic => (topic.Name, topic.Partitions), WritePartition);
    }

    private static Partition ReadPartition(ref KafkaReader reader, short version) =>
        new(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());

    private static void WritePartition(ref KafkaWriter writer, Partition partition, short version)
    {
        writer.WriteInt32(partition.PartitionIndex);
        writer.WriteInt32(partition.CurrentLeaderEpoch);
        writer.WriteInt32(partition.LeaderEpoch);
    }
}
