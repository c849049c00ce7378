namespace LagLab.LoadTest.Sampling;

/// <summary>
/// When the bank applied each event of the run, per partition of the event (run seconds, from the bank's ledger): the
/// outside truth of when a partition made progress, to within the bank's clock, with no commit interval or sampling
/// period in between. Restart phases ("first record applied") are read from it.
/// </summary>
internal sealed class AppliedTimes
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, List<double>> _byPartition = [];

    public void Add(int partition, double t)
    {
        if (partition < 0)
        {
            return;
        }
        lock (_lock)
        {
            if (!_byPartition.TryGetValue(partition, out var list))
            {
                _byPartition[partition] = list = [];
            }
            list.Add(t);
        }
    }

    /// <summary>Every partition's applied times, sorted.</summary>
    public IReadOnlyDictionary<int, double[]> Snapshot()
    {
        lock (_lock)
        {
            return _byPartition.ToDictionary(p => p.Key, p => p.Value.Order().ToArray());
        }
    }
}
