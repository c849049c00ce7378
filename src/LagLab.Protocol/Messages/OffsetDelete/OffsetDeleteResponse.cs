using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.OffsetDelete;

/// <summary>
/// OffsetDelete response (key 47), version 0. Unusually the top-level error_code comes BEFORE
/// throttle_time_ms. GROUP_SUBSCRIBED_TO_TOPIC per partition when the group still consumes the topic.
/// </summary>
public sealed record OffsetDeleteResponse(ErrorCode ErrorCode, IReadOnlyList<OffsetDeleteResponse.Topic> Topics, int ThrottleTimeMs = 0)
    : IKafkaMessage<OffsetDeleteResponse>
{
    public sealed record Topic(string Name, IReadOnlyList<Partition> Partitions);

    public sealed record Partition(int PartitionIndex, ErrorCode ErrorCode);

    public static OffsetDeleteResponse Read(ref KafkaReader reader, short version)
    {
        var errorCode = (ErrorCode)reader.ReadInt16();
        var throttle = reader.ReadInt32();
        var topics = reader.ReadTopics(version, ReadPartition, static (name, partitions) => new Topic(name, partitions));
        return new OffsetDeleteResponse(errorCode, topics, throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteInt16(ErrorCode);
        writer.WriteInt32(ThrottleTimeMs);
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
