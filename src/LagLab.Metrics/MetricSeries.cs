namespace LagLab.Metrics;

/// <summary>One label set of one instrument: a running value, or a histogram's bucket counts, sum and count.</summary>
internal sealed class MetricSeries(string labels, int bucketCount)
{
    private readonly Lock _lock = new();
    private readonly long[] _buckets = new long[bucketCount];
    private double _value;
    private double _sum;
    private long _count;

    /// <summary>The rendered label pairs, <c>k="v",k2="v2"</c>, sorted by key; empty when unlabelled.</summary>
    public string Labels { get; } = labels;

    public void Add(double delta)
    {
        lock (_lock)
        {
            _value += delta;
        }
    }

    public void Set(double value)
    {
        lock (_lock)
        {
            _value = value;
        }
    }

    /// <summary>Counts <paramref name="value"/> in the first bucket whose upper bound is at least it (the last is +Inf).</summary>
    public void Observe(double value, IReadOnlyList<double> bounds)
    {
        var index = 0;
        while (index < bounds.Count && value > bounds[index])
        {
            index++;
        }
        lock (_lock)
        {
            _buckets[index]++;
            _sum += value;
            _count++;
        }
    }

    public double Value
    {
        get
        {
            lock (_lock)
            {
                return _value;
            }
        }
    }

    /// <summary>A consistent copy of the histogram state: per-bucket (not cumulative) counts, sum, count.</summary>
    public (long[] Buckets, double Sum, long Count) HistogramSnapshot()
    {
        lock (_lock)
        {
            return ((long[])_buckets.Clone(), _sum, _count);
        }
    }
}
