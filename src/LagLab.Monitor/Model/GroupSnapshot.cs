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
    /// <summary>The member assigned the partition, if any.</summary>
    public GroupMember? OwnerOf(TopicPartition partition)
    {
        foreach (var member in Members)
        {
            foreach (var assigned in member.Assignment)
            {
                if (assigned == partition)
                {
                    return member;
                }
            }
        }
        return null;
    }
}
