namespace LagLab.Bank.Latency;

/// <summary>
/// An empirical latency distribution: picks a bucket with probability proportional to its weight, then a latency
/// uniformly inside it (a piecewise-uniform density, so percentiles interpolate linearly within a bucket).
/// </summary>
internal sealed class HistogramLatency : ILatencyModel
{
    private readonly HistogramBucket[] _buckets;
    private readonly double[] _cumulative;
    private readonly string _source;

    public HistogramLatency(IReadOnlyList<HistogramBucket> buckets, string source)
    {
        if (buckets.Count == 0)
        {
            throw new ArgumentException("A latency histogram needs at least one bucket.", nameof(buckets));
        }
        _buckets = [.. buckets];
        _cumulative = new double[_buckets.Length];
        var total = 0.0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            total += _buckets[i].Weight;
            _cumulative[i] = total;
        }
        if (!(total > 0))
        {
            throw new ArgumentException("A latency histogram needs a total weight above 0.", nameof(buckets));
        }
        _source = source;
    }

    public TimeSpan Sample(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        // BinarySearch gives the complement of the first larger element when there is no exact match; an exact match
        // lands on a bucket's upper edge, which belongs to the next bucket with weight (skip zero-weight ones).
        index = index < 0 ? ~index : index + 1;
        while (index < _buckets.Length - 1 && _buckets[index].Weight == 0)
        {
            index++;
        }
        index = Math.Min(index, _buckets.Length - 1);
        var bucket = _buckets[index];
        var span = (bucket.Upper - bucket.Lower).Ticks;
        return bucket.Lower + TimeSpan.FromTicks((long)Math.Round(random.NextDouble() * span));
    }

    public string Describe() => $"histogram {_source} ({_buckets.Length} buckets up to {BankDuration.Format(_buckets[^1].Upper)})";
}
