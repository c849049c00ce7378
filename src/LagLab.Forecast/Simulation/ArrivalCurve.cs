namespace LagLab.Forecast.Simulation;

/// <summary>
/// Cumulative arrivals into one partition over time. Every partition receives the same share, so the
/// age of a partition's oldest unconsumed event (its time lag) is t − A⁻¹(A(t) − lag).
/// </summary>
internal sealed class ArrivalCurve
{
    private readonly List<double> _times = [0];
    private readonly List<double> _totals = [0];

    public double Total => _totals[^1];

    /// <summary>Arrivals spread evenly over [<paramref name="start"/>, <paramref name="end"/>].</summary>
    public void Add(double start, double end, double arrivals)
    {
        if (arrivals <= 0)
        {
            return;
        }
        if (_times[^1] < start)
        {
            _times.Add(start);
            _totals.Add(_totals[^1]);
        }
        _times.Add(end);
        _totals.Add(_totals[^1] + arrivals);
    }

    /// <summary>Time lag at <paramref name="now"/> of a partition holding <paramref name="lag"/> events.</summary>
    public double TimeLag(double now, double lag)
    {
        if (lag <= 0)
        {
            return 0;
        }
        var target = Total - lag;
        if (target <= 0)
        {
            return now;
        }
        // First point at or above the target; the oldest unconsumed event arrived on the segment before it.
        int lo = 0, hi = _totals.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_totals[mid] < target)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        var (t1, a1) = (_times[lo], _totals[lo]);
        var (t0, a0) = lo > 0 ? (_times[lo - 1], _totals[lo - 1]) : (t1, a1);
        var at = a1 > a0 ? t0 + ((target - a0) / (a1 - a0) * (t1 - t0)) : t1;
        return Math.Max(0, now - at);
    }
}
