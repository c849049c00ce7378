namespace LagLab.Monitor.Analysis;

/// <summary>
/// Samples of one partition's end offset over time, in a bounded ring, for the time-lag estimate.
/// A run of polls with the same end offset is one point with the first and last time it was seen:
/// an idle producer costs no history, and a burst after idle time is dated between the last idle
/// poll and the poll that saw it (so idleness neither freezes nor inflates the estimate).
/// </summary>
internal sealed class OffsetTimeline
{
    private readonly Point[] _points;
    private int _start;
    private int _count;

    public OffsetTimeline(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _points = new Point[capacity];
    }

    public int Count => _count;

    /// <summary>Adds a sample. Out-of-order samples are ignored; a lower end offset (topic truncated or recreated) starts over.</summary>
    public void Record(long endOffset, DateTimeOffset time)
    {
        if (_count > 0)
        {
            ref var newest = ref _points[Index(_count - 1)];
            if (time <= newest.LastSeen)
            {
                return;
            }
            if (endOffset == newest.Offset)
            {
                newest.LastSeen = time;
                return;
            }
            if (endOffset < newest.Offset)
            {
                _start = 0;
                _count = 0;
            }
        }
        if (_count == _points.Length)
        {
            _start = (_start + 1) % _points.Length;
            _count--;
        }
        _points[Index(_count)] = new Point(endOffset, time, time);
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
            return new TimeLag(Seconds(now - r.FirstSeen), TimeLagMethod.LowerBound);
        }
        var l = _points[Index(upper - 1)];
        var fraction = (double)(committed - l.Offset + 1) / (r.Offset - l.Offset);
        var produced = l.LastSeen + ((r.FirstSeen - l.LastSeen) * fraction);
        return new TimeLag(Seconds(now - produced), TimeLagMethod.Interpolated);
    }

    private static double Seconds(TimeSpan span) => Math.Max(0, span.TotalSeconds);

    private int Index(int i) => (_start + i) % _points.Length;

    private record struct Point(long Offset, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
}
