using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.OffsetForLeaderEpoch;

/// <summary>OffsetForLeaderEpoch response (key 23), versions 2-3 (identical on the wire); throttle_time_ms first.</summary>
public sealed record OffsetForLeaderEpochResponse(IReadOnlyList<OffsetForLeaderEpochResponse.Topic> Topics, int ThrottleTimeMs = 0)
    : IKafkaMessage<OffsetForLeaderEpochResponse>
{
    public sealed record Topic(string Name, IReadOnlyList<EpochEndOffset> Partitions);

    /// <summary>The end offset of the requested epoch (or of the largest epoch not above it); -1/-1 when unknown.</summary>
    public sealed record EpochEndOffset(ErrorCode ErrorCode, int PartitionIndex, int LeaderEpoch, long EndOffset);

    public static OffsetForLeaderEpochResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = reader.ReadInt32();
        var topicCount = reader.ReadNonNullArrayLength(compact: false);
        var topics = new List<Topic>(topicCount);
        for (var t = 0; t < topicCount; t++)
        {
            var name = reader.ReadString(compact: false);
            var partitionCount = reader.ReadNonNullArrayLength(compact: false);
            var partitions = new List<EpochEndOffset>(partitionCount);
            for (var p = 0; p < partitionCount; p++)
            {
                partitions.Add(new EpochEndOffset((ErrorCode)reader.ReadInt16(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt64()));
            }
            topics.Add(new Topic(name, partitions));
        }
        return new OffsetForLeaderEpochResponse(topics, throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteInt32(ThrottleTimeMs);
        writer.WriteArrayLength(Topics.Count, compact: false);
        foreach (var topic in Topics)
        {
            writer.WriteString(topic.Name, compact: false);
            writer.WriteArrayLength(topic.Partitions.Count, compact: false);
            foreach (var partition in topic.Partitions)
            {
                writer.WriteInt16(partition.ErrorCode);
                writer.WriteInt32(partition.PartitionIndex);
                writer.WriteInt32(partition.LeaderEpoch);
                writer.WriteInt64(partition.EndOffset);
            }
        }
    }
}
