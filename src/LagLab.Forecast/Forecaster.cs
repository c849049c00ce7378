using LagLab.Forecast.Simulation;
using LagLab.Scenarios;

namespace LagLab.Forecast;

/// <summary>The capacity model's entry point: lag over a horizon, alert breaches, drain times and recommendations.</summary>
public static partial class Forecaster
{
    public static ForecastResult Run(Scenario scenario, ForecastOptions? options = null)
    {
        options ??= new ForecastOptions();
        options.Validate();
        var k = scenario.TimeScale.Factor;
        var horizonWall = options.Horizon.TotalSeconds / k;
        var sim = LagSimulator.Run(scenario, horizonWall, deployReplays: options.DeployReplays);
        var samples = sim.Samples;
        TimeSpan Scenario(double wall) => TimeSpan.FromSeconds(wall * k);

        // The first time the highest lag is reached (days that repeat tie to rounding).
        var highest = samples.Max(s => s.Lag);
        var maxLag = samples.First(s => s.Lag >= highest - (1e-9 * Math.Max(1, highest)));
        var last = samples[^1];
        var endBacklog = last.Lag + last.Spool;
        var spare = sim.FinalCapacity - sim.FinalInflow;
        var target = options.TargetLag ?? scenario.Slos.MaxLag ?? scenario.Alerts.Critical;
        return new ForecastResult
        {
            Scenario = scenario.Name,
            TimeScale = k,
            Horizon = options.Horizon,
            WallHorizon = TimeSpan.FromSeconds(horizonWall),
            Capacity = CapacityAnalyzer.Analyze(scenario, horizonWall),
            Points = Thin(samples, options.MaxPoints, k),
            MaxLag = maxLag.Lag,
            MaxLagAt = Scenario(maxLag.Time),
            MaxPartitionLag = samples.Max(s => s.MaxPartitionLag),
            MaxBacklog = sim.MaxBacklog,
            MaxSpool = samples.Max(s => s.Spool),
            MaxTimeLag = TimeSpan.FromSeconds(samples.Max(s => s.TimeLag)),
            EndLag = last.Lag,
            EndBacklog = endBacklog,
            FinalDrain = endBacklog >= 1 && spare > 0 ? TimeSpan.FromSeconds(endBacklog / spare) : null,
            Alerts =
            [
                Alert(AlertSeverity.Warning, scenario.Alerts.Warning, scenario.Alerts.For, sim.Warning, k),
                Alert(AlertSeverity.Critical, scenario.Alerts.Critical, scenario.Alerts.For, sim.Critical, k),
            ],
            Episodes = [.. sim.Episodes.Episodes.Select(e => new DrainEpisode(
                Scenario(e.Start), Scenario(e.PeakAt), e.Peak,
                e.End is { } end ? Scenario(end) : null,
                e.End is { } d ? TimeSpan.FromSeconds(d - e.PeakAt) : null))],
            Days = [.. sim.Days.Days.Select((d, i) => new DayForecast(i + 1, d.Max, d.MaxPartition, d.Min, d.End))],
            Recommendation = options.Recommend ? new Recommender(scenario, horizonWall, target).Recommend(sim.MaxBacklog) : null,
            Steps = sim.Steps,
        };
    }

    private static AlertForecast Alert(AlertSeverity severity, long threshold, TimeSpan @for, AlertTracker t, double k) =>
        new(severity, threshold, @for,
            t.FirstAbove is { } a ? TimeSpan.FromSeconds(a * k) : null,
            t.FiresAt is { } f ? TimeSpan.FromSeconds(f * k) : null,
            TimeSpan.FromSeconds(t.LongestAbove * k));

    /// <summary>
    /// At most about <paramref name="max"/> points: time is cut into buckets and each keeps its lowest and
    /// highest backlog, in time order, so both the peaks and the drains stay on the chart.
    /// </summary>
    private static List<ForecastPoint> Thin(IReadOnlyList<Sample> samples, int max, double k)
    {
        if (samples.Count <= max)
        {
            return [.. samples.Select(s => Point(s, k))];
        }
        static double Backlog(Sample s) => s.Lag + s.Spool;
        var bucket = samples[^1].Time / (max / 2);
        var points = new List<ForecastPoint> { Point(samples[0], k) };
        var i = 1;
        while (i < samples.Count)
        {
            var limit = (Math.Floor(samples[i].Time / bucket) + 1) * bucket;
            var (lo, hi) = (i, i);
            // The bucket's first sample is always taken, so rounding at a bucket edge cannot stall the loop.
            for (i++; i < samples.Count && samples[i].Time < limit; i++)
            {
                lo = Backlog(samples[i]) < Backlog(samples[lo]) ? i : lo;
                hi = Backlog(samples[i]) > Backlog(samples[hi]) ? i : hi;
            }
            points.Add(Point(samples[Math.Min(lo, hi)], k));
            if (lo != hi)
            {
                points.Add(Point(samples[Math.Max(lo, hi)], k));
            }
        }
        if (points[^1].WallTime.TotalSeconds < samples[^1].Time)
        {
            points.Add(Point(samples[^1], k));
        }
        return points;
    }

    private static ForecastPoint Point(Sample s, double k) =>
        new(TimeSpan.FromSeconds(s.Time * k), TimeSpan.FromSeconds(s.Time), s.Lag, s.MaxPartitionLag, s.Spool, s.Inflow, s.Capacity, TimeSpan.FromSeconds(s.TimeLag));
}
