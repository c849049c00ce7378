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
        var topicCount = reader.ReadNonNullArrayLength(compact: false);
        var topics = new List<Topic>(topicCount);
        for (var t = 0; t < topicCount; t++)
        {
            var name = reader.ReadString(compact: false);
            var partitionCount = reader.ReadNonNullArrayLength(compact: false);
            var partitions = new List<Partition>(partitionCount);
            for (var p = 0; p < partitionCount; p++)
            {
                partitions.Add(new Partition(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32()));
            }
            topics.Add(new Topic(name, partitions));
        }
        return new OffsetForLeaderEpochRequest(topics, replicaId);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 3)
        {
            writer.WriteInt32(ReplicaId);
        }
        writer.WriteArrayLength(Topics.Count, compact: false);
        foreach (var topic in Topics)
        {
            writer.WriteString(topic.Name, compact: false);
            writer.WriteArrayLength(topic.Partitions.Count, compact: false);
            foreach (var partition in topic.Partitions)
            {
                writer.WriteInt32(partition.PartitionIndex);
                writer.WriteInt32(partition.CurrentLeaderEpoch);
                writer.WriteInt32(partition.LeaderEpoch);
            }
        }
    }
}
