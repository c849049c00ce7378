namespace LagLab.Monitor.Model;

/// <summary>
/// One consumer group as seen in one collection cycle. <see cref="Committed"/> holds every partition the
/// group consumes; a null value means the group has never committed there (reported, never turned into lag).
/// </summary>
public sealed record GroupSnapshot(
    string GroupId,
    string State,
    IReadOnlyList<GroupMember> Members,
    IReadOnlyDictionary<TopicPartition, long?> Committed)
{
    /// <summary>Which member is assigned each partition (built once per group and cycle by the caller).</summary>
    public Dictionary<TopicPartition, GroupMember> Owners() =>
        Members.SelectMany(m => m.Assignment.Select(a => (Partition: a, Member: m)))
            .DistinctBy(p => p.Partition)
            .ToDictionary(p => p.Partition, p => p.Member);
}
