using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.OffsetFetch;

/// <summary>
/// OffsetFetch response (key 9), versions 0-5. throttle_time_ms from v3; the top-level error_code (v2+)
/// comes AFTER the topics. An uncommitted partition has offset -1 and metadata "".
/// </summary>
public sealed record OffsetFetchResponse(
    IReadOnlyList<OffsetFetchResponse.Topic> Topics,
    ErrorCode ErrorCode = ErrorCode.None,
    int ThrottleTimeMs = 0)
    : IKafkaMessage<OffsetFetchResponse>
{
    public sealed record Topic(string Name, IReadOnlyList<Partition> Partitions);

    /// <summary>One committed offset; committed_leader_epoch from v5.</summary>
    public sealed record Partition(
        int PartitionIndex,
        long CommittedOffset,
        string? Metadata,
        ErrorCode ErrorCode,
        int CommittedLeaderEpoch = -1);

    public static OffsetFetchResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = version >= 3 ? reader.ReadInt32() : 0;
        var topics = reader.ReadTopics(version, ReadPartition, static (name, partitions) => new Topic(name, partitions));
        var errorCode = version >= 2 ? (ErrorCode)reader.ReadInt16() : ErrorCode.None;
        return new OffsetFetchResponse(topics, errorCode, throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 3)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
        writer.WriteTopics(Topics, version, static topic => (topic.Name, topic.Partitions), WritePartition);
        if (version >= 2)
        {
            writer.WriteInt16(ErrorCode);
        }
    }

    private static Partition ReadPartition(ref KafkaReader reader, short version)
    {
        var index = reader.ReadInt32();
        var offset = reader.ReadInt64();
        var leaderEpoch = version >= 5 ? reader.ReadInt32() : -1;
        var metadata = reader.ReadNullableString(compact: false);
        return new Partition(index, offset, metadata, (ErrorCode)reader.ReadInt16(), leaderEpoch);
    }

    private static void WritePartition(ref KafkaWriter writer, Partition partition, short version)
    {
        writer.WriteInt32(partition.PartitionIndex);
        writer.WriteInt64(partition.CommittedOffset);
        if (version >= 5)
        {
            writer.WriteInt32(partition.CommittedLeaderEpoch);
        }
        writer.WriteNullableString(partition.Metadata, compact: false);
        writer.WriteInt16(partition.ErrorCode);
    }
}
