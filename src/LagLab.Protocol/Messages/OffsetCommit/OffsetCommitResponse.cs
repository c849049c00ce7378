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
        var topics = reader.ReadTopics(version, ReadPartition, static (name, partitions) => new Topic(name, partitions));
        return new OffsetCommitResponse(topics, throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 3)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
        writer.WriteTopics(Topics, version, static topic => (topic.Name, topic.Partitions), WritePartition);
    }

    private static Partition ReadPartition(ref KafkaReader reader, short version) =>
        new(reader.ReadInt32(), (ErrorCode)reader.ReadInt16());

    private static void WritePartition(ref KafkaWriter writer, Partition partition, short version)
    {
        writer.WriteInt32(partition.PartitionIndex);
        writer.WriteInt16(partition.ErrorCode);
    }
}
