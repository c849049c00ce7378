using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.OffsetCommit;

/// <summary>OffsetCommit response (key 8), versions 0-7. throttle_time_ms from v3; errors are per partition only.</summary>
public sealed record OffsetCommitResponse(IReadOnlyList<OffsetCommitResponse.Topic> Topics, int ThrottleTimeMs = 0)
    : IKafkaMessage<OffsetCommitResponse>
{
    public sealed record Topic(string Name, IReadOnlyList<Partition> Partitions);

    public sealed record Partition(int PartitionIndex, ErrorCode ErrorCode);

    public static OffsetCommitResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = version >= 3 ? reader.ReadInt32() : 0;
        var topicCount = reader.ReadNonNullArrayLength(compact: false);
        var topics = new List<Topic>(topicCount);
        for (var t = 0; t < topicCount; t++)
        {
            var name = reader.ReadString(compact: false);
            var partitionCount = reader.ReadNonNullArrayLength(compact: false);
            var partitions = new List<Partition>(partitionCount);
            for (var p = 0; p < partitionCount; p++)
            {
                partitions.Add(new Partition(reader.ReadInt32(), (ErrorCode)reader.ReadInt16()));
            }
            topics.Add(new Topic(name, partitions));
        }
        return new OffsetCommitResponse(topics, throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 3)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
        writer.WriteArrayLength(Topics.Count, compact: false);
        foreach (var topic in Topics)
        {
            writer.WriteString(topic.Name, compact: false);
            writer.WriteArrayLength(topic.Partitions.Count, compact: false);
            foreach (var partition in topic.Partitions)
            {
                writer.WriteInt32(partition.PartitionIndex);
                writer.WriteInt16(partition.ErrorCode);
            }
        }
    }
}
