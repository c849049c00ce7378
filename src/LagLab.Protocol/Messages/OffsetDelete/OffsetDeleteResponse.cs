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
        return new OffsetDeleteResponse(errorCode, topics, throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteInt16(ErrorCode);
        writer.WriteInt32(ThrottleTimeMs);
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
