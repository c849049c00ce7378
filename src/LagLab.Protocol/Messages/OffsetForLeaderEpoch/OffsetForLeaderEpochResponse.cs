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
        var topics = reader.ReadTopics(version, ReadPartition, static (name, partitions) => new Topic(name, partitions));
        return new OffsetForLeaderEpochResponse(topics, throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteInt32(ThrottleTimeMs);
        writer.WriteTopics(Topics, version, static topic => (topic.Name, topic.Partitions), WritePartition);
    }

    private static EpochEndOffset ReadPartition(ref KafkaReader reader, short version) =>
        new((ErrorCode)reader.ReadInt16(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt64());

    private static void WritePartition(ref KafkaWriter writer, EpochEndOffset partition, short version)
    {
        writer.WriteInt16(partition.ErrorCode);
        writer.WriteInt32(partition.PartitionIndex);
        writer.WriteInt32(partition.LeaderEpoch);
        writer.WriteInt64(partition.EndOffset);
    }
}
