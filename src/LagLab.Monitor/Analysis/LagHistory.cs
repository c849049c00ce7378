namespace LagLab.Monitor.Analysis;

/// <summary>
/// Per-group lag over the last <c>window</c> for the dashboard's charts. Groups that disappear are
/// dropped with their history. Written by the collection loop, read by HTTP requests.
/// </summary>
internal sealed class LagHistory(TimeSpan window)
{
    private const int MaxPointsPerGroup = 4096;

    private readonly Dictionary<string, Queue<HistoryPoint>> _groups = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Add(MonitorView view)
    {
        lock (_lock)
        {
            var live = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in view.Groups)
            {
                live.Add(group.Group);
                if (!_groups.TryGetValue(group.Group, out var points))
                {
                    points = new Queue<HistoryPoint>();
                    _groups[group.Group] = points;
                }
                points.Enqueue(new HistoryPoint(view.Time, group.LagSum, group.TimeLagSecondsMax));
                while (points.Count > MaxPointsPerGroup || (points.Count > 0 && points.Peek().Time < view.Time - window))
                {
                    points.Dequeue();
                }
            }
            foreach (var name in _groups.Keys.Where(n => !live.Contains(n)).ToList())
            {
                _groups.Remove(name);
            }
        }
    }

    public IReadOnlyDictionary<string, HistoryPoint[]> Snapshot()
    {
        lock (_lock)
        {
            return _groups.ToDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal);
        }
    }

    public HistoryPoint[] For(string group)
    {
        lock (_lock)
        {
            return _groups.TryGetValue(group, out var points) ? points.ToArray() : [];
        }
    }
}
