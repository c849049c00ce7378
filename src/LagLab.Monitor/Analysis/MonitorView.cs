namespace LagLab.Monitor.Analysis;

/// <summary>
/// The result of one collection cycle, published whole. <see cref="Time"/> is when the offsets were read;
/// the view is never shown as fresh after a failed cycle.
/// </summary>
public sealed record MonitorView(DateTimeOffset Time, IReadOnlyList<GroupView> Groups, IReadOnlyList<TopicPartitionView> Partitions)
{
    public static MonitorView Empty { get; } = new(DateTimeOffset.UnixEpoch, [], []);

    public GroupView? FindGroup(string group)
    {
        foreach (var view in Groups)
        {
            if (view.Group == group)
            {
                return view;
            }
        }
        return null;
    }
}
