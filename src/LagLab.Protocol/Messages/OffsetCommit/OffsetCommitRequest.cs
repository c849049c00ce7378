using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.OffsetCommit;

/// <summary>
/// OffsetCommit request (key 8), versions 0-7. generation_id and member_id from v1 (-1 / "" is a commit
/// outside any generation), retention_time_ms in v2-4 only, group_instance_id from v7.
/// </summary>
public sealed record OffsetCommitRequest(
    string GroupId,
    IReadOnlyList<OffsetCommitRequest.Topic> Topics,
    int GenerationId = -1,
    string MemberId = "",
    string? GroupInstanceId = null,
    long RetentionTimeMs = -1)
    : IKafkaRequest<OffsetCommitRequest, OffsetCommitResponse>
{
    public sealed record Topic(string Name, IReadOnlyList<Partition> Partitions);

    /// <summary>
    /// One committed offset. committed_leader_epoch from v6; commit_timestamp exists in v1 only
    /// (-1 means "now"); metadata is nullable.
    /// </summary>
    public sealed record Partition(
        int PartitionIndex,
        long CommittedOffset,
        string? CommittedMetadata,
        int CommittedLeaderEpoch = -1,
        long CommitTimestamp = -1);

    public static ApiKey ApiKey => ApiKey.OffsetCommit;

    public static OffsetCommitRequest Read(ref KafkaReader reader, short version)
    {
        var groupId = reader.ReadString(compact: false);
        var generationId = version >= 1 ? reader.ReadInt32() : -1;
        var memberId = version >= 1 ? reader.ReadString(compact: false) : "";
        var instanceId = version >= 7 ? reader.ReadNullableString(compact: false) : null;
        var retention = version is >= 2 and <= 4 ? reader.ReadInt64() : -1;
        var topics = reader.ReadTopics(version, ReadPartition, static (name, partitions) => new Topic(name, partitions));
        return new OffsetCommitRequest(groupId, topics, generationId, memberId, instanceId, retention);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteString(GroupId, compact: false);
        if (version >= 1)
        {
            writer.WriteInt32(GenerationId);
            writer.WriteString(MemberId, compact: false);
        }
        if (version >= 7)
        {
            writer.WriteNullableString(GroupInstanceId, compact: false);
        }
        if (version is >= 2 and <= 4)
        {
            writer.WriteInt64(RetentionTimeMs);
        }
        writer.WriteTopics(Topics, version, static topic => (topic.Name, topic.Partitions), WritePartition);
    }

    private static Partition ReadPartition(ref KafkaReader reader, short version)
    {
        var index = reader.ReadInt32();
        var offset = reader.ReadInt64();
        var leaderEpoch = version >= 6 ? reader.ReadInt32() : -1;
        var timestamp = version == 1 ? reader.ReadInt64() : -1;
        var metadata = reader.ReadNullableString(compact: false);
        return new Partition(index, offset, metadata, leaderEpoch, timestamp);
    }

    private static void WritePartition(ref KafkaWriter writer, Partition partition, short version)
    {
        writer.WriteInt32(partition.PartitionIndex);
        writer.WriteInt64(partition.CommittedOffset);
        if (version >= 6)
        {
            writer.WriteInt32(partition.CommittedLeaderEpoch);
        }
        if (version == 1)
        {
            writer.WriteInt64(partition.CommitTimestamp);
        }
        writer.WriteNullableString(partition.CommittedMetadata, compact: false);
    }
}
