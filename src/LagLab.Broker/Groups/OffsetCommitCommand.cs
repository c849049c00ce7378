namespace LagLab.Broker.Groups;

/// <summary>An OffsetCommit request; generation -1 with an empty member id is a commit from outside group management.</summary>
internal sealed record OffsetCommitCommand(
    string GroupId,
    string MemberId,
    string? GroupInstanceId,
    int GenerationId,
    IReadOnlyList<OffsetCommitCommand.Partition> Partitions)
{
    public sealed record Partition(TopicPartition TopicPartition, long Offset, int LeaderEpoch, string? Metadata);
}
