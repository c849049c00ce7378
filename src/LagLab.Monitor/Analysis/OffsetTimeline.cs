namespace LagLab.Monitor.Analysis;

/// <summary>
/// Samples of one partition's end offset over time, in a bounded ring, for the time-lag estimate.
/// A run of polls with the same end offset is one point with the first and last time it was seen:
/// an idle producer costs no history, and a burst after idle time is dated between the last idle
/// poll and the poll that saw it (so idleness neither freezes nor inflates the estimate).
/// The ring grows on demand up to its capacity: most partitions hold a handful of points, and a
/// full-size ring for each of thousands of partitions was most of the monitor's memory.
/// </summary>
internal sealed class OffsetTimeline
{
    private const int InitialSize = 4;

    private readonly int _capacity;
    private Point[] _points;
    private int _start;
    private int _count;

    public OffsetTimeline(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _capacity = capacity;
        _points = new Point[Math.Min(capacity, InitialSize)];
    }

    public int Count => _count;

    /// <summary>Points the ring can hold before it grows again (for tests of its growth).</summary>
    internal int Allocated => _points.Length;

    /// <summary>Adds a sample. Out-of-order samples are ignored; a lower end offset (topic truncated or recreated) starts over.</summary>
    public void Record(long endOffset, DateTimeOffset time)
    {
        if (_count > 0)
        {
            ref var newest = ref _points[Index(_count - 1)];
            if (time.UtcTicks <= newest.LastSeen)
            {
                return;
            }
            if (endOffset == newest.Offset)
            {
                newest.LastSeen = time.UtcTicks;
                return;
            }
            if (endOffset < newest.Offset)
            {
                _start = 0;
                _count = 0;
            }
        }
        if (_count == _points.Length && _points.Length < _capacity)
        {
            Grow();
        }
        if (_count == _points.Length)
        {
            _start = (_start + 1) % _points.Length;
            _count--;
        }
        _points[Index(_count)] = new Point(endOffset, time.UtcTicks, time.UtcTicks);
        _count++;
    }

    /// <summary>
    /// Time lag of a consumer whose next record is <paramref name="committed"/>: now minus the estimated
    /// production time of that record. Records [l.Offset, r.Offset) appeared between l's last sighting
    /// and r's first, so the record is placed linearly in that interval.
    /// </summary>
    public TimeLag Estimate(long committed, DateTimeOffset now)
    {
        if (_count == 0)
        {
            return TimeLag.Unknown;
        }
        if (committed >= _points[Index(_count - 1)].Offset)
        {
            return TimeLag.CaughtUp;
        }
        var upper = 0;
        while (_points[Index(upper)].Offset <= committed)
        {
            upper++;
        }
        var r = _points[Index(upper)];
        if (upper == 0)
        {
            // Older than the whole window: it existed when r was first seen, and we know no more.
            // Reporting that bound beats extrapolating a rate into years (kafka-lag-exporter #496).
            return new TimeLag(Seconds(now - At(r.FirstSeen)), TimeLagMethod.LowerBound);
        }
        var l = _points[Index(upper - 1)];
        var fraction = (double)(committed - l.Offset + 1) / (r.Offset - l.Offset);
        var produced = At(l.LastSeen) + ((At(r.FirstSeen) - At(l.LastSeen)) * fraction);
        return new TimeLag(Seconds(now - produced), TimeLagMethod.Interpolated);
    }

    private static double Seconds(TimeSpan span) => Math.Max(0, span.TotalSeconds);

    private static DateTimeOffset At(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    /// <summary>Doubles the ring (up to the capacity), unrolling it so the oldest point is first.</summary>
    private void Grow()
    {
        var grown = new Point[Math.Min(_capacity, _points.Length * 2)];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = _points[Index(i)];
        }
        _points = grown;
        _start = 0;
    }

    private int Index(int i) => (_start + i) % _points.Length;

    // UTC ticks instead of DateTimeOffset: 24 bytes a point instead of 40.
    private record struct Point(long Offset, long FirstSeen, long LastSeen);
}
