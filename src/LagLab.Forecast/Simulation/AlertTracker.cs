namespace LagLab.Forecast.Simulation;

/// <summary>
/// When an alert "max partition lag &gt; threshold for D" first fires, over a piecewise-linear lag series:
/// crossings are interpolated inside a step.
/// </summary>
internal sealed class AlertTracker(double threshold, double forSeconds)
{
    private double? _aboveSince;

    public double Threshold { get; } = threshold;

    public double? FirstAbove { get; private set; }

    public double? FiresAt { get; private set; }

    /// <summary>Longest continuous time above the threshold.</summary>
    public double LongestAbove { get; private set; }

    public void Step(double t0, double lag0, double t1, double lag1)
    {
        var above0 = lag0 > Threshold;
        var above1 = lag1 > Threshold;
        if (!above0 && above1)
        {
            _aboveSince = t0 + ((Threshold - lag0) / (lag1 - lag0) * (t1 - t0));
            FirstAbove ??= _aboveSince;
        }
        if (_aboveSince is { } since)
        {
            var until = above1 ? t1 : t0 + ((lag0 - Threshold) / (lag0 - lag1) * (t1 - t0));
            LongestAbove = Math.Max(LongestAbove, until - since);
            if (FiresAt is null && until - since >= forSeconds)
            {
                FiresAt = since + forSeconds;
            }
            if (!above1)
            {
                _aboveSince = null;
            }
        }
    }
}
