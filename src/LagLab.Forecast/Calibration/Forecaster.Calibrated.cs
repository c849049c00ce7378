using LagLab.Scenarios;

namespace LagLab.Forecast;

/// <summary>The forecast from a calibration (a point) or without one (a range over the uncalibrated mechanism inputs).</summary>
public static partial class Forecaster
{
    /// <summary>
    /// The scenario's forecast with <paramref name="calibration"/>'s measured mechanisms as the model's inputs. Every
    /// input that matters here and was not measured (all of them when <paramref name="calibration"/> is null) is
    /// bounded by <see cref="UncalibratedBounds"/>: the result then carries a <see cref="ForecastResult.Range"/> and
    /// its other fields are the midpoint. Mechanism values a scenario file states itself are not used.
    /// </summary>
    public static ForecastResult Run(Scenario scenario, Calibration? calibration, ForecastOptions? options = null)
    {
        options ??= new ForecastOptions();
        options.Validate();
        IReadOnlyList<MechanismInput> measured = [];
        var applied = scenario;
        if (calibration is not null)
        {
            (applied, measured) = CalibrationApplier.Apply(scenario, calibration);
        }
        var open = UncalibratedBounds.Candidates(scenario).Except(measured).Select(i => UncalibratedBounds.For(i, scenario)).ToList();
        var quick = options with { Recommend = false };
        var midpoint = At(applied, open, b => b.Midpoint);
        // Only inputs that move the answer are ranged over (a static member's restart causes no rebalance, ...).
        // Every end is built from the calibrated scenario, never from the midpoint: an input such as the budget is clamped
        // to the scenario's own value, so setting it on top of the midpoint could not reach its high end.
        Scenario Around(IReadOnlyList<InputBound> moved, Func<InputBound, double> pick) =>
            At(At(applied, open.Where(o => !moved.Contains(o)), b => b.Midpoint), moved, pick);
        var relevant = open.Where(b => Differs(Run(Around([b], x => x.Low), quick), Run(Around([b], x => x.High), quick))).ToList();
        var result = Run(midpoint, options);
        ForecastRange? range = null;
        if (relevant.Count > 0)
        {
            var worst = Run(Around(relevant, b => Worse(b) ? b.High : b.Low), quick);
            var best = Run(Around(relevant, b => Worse(b) ? b.Low : b.High), quick);
            range = Range(relevant, [best, worst], result);
        }
        return result with
        {
            Calibration = calibration is null ? null : Describe(calibration),
            CalibrationWarnings = calibration?.Topology.Differences(scenario) ?? [],
            Range = range,
        };
    }

    /// <summary>True when the high end of the input costs capacity (more overhead, longer restarts...); for the budget the low end does.</summary>
    private static bool Worse(InputBound b) => b.Input != MechanismInput.EffectiveBudget;

    private static Scenario At(Scenario scenario, IEnumerable<InputBound> bounds, Func<InputBound, double> pick) =>
        bounds.Aggregate(scenario, (s, b) => UncalibratedBounds.With(s, b.Input, pick(b)));

    private static bool Differs(ForecastResult a, ForecastResult b)
    {
        static bool Apart(double x, double y) => Math.Abs(x - y) > 1e-6 * Math.Max(1, Math.Abs(x));
        return Apart(a.MaxLag, b.MaxLag) || Apart(a.EndBacklog, b.EndBacklog) || Apart(a.MaxTimeLag.TotalSeconds, b.MaxTimeLag.TotalSeconds)
            || a.Alerts.Zip(b.Alerts).Any(p => p.First.FiresAt != p.Second.FiresAt);
    }

    private static ForecastRange Range(IReadOnlyList<InputBound> inputs, IReadOnlyList<ForecastResult> ends, ForecastResult mid)
    {
        var horizon = mid.Horizon.TotalSeconds;
        static double? Drain(ForecastResult r) =>
            r.Episodes.Where(e => e.DrainTime is not null).Select(e => (double?)e.DrainTime!.Value.TotalSeconds).DefaultIfEmpty(null).Max();
        static double? Fires(ForecastResult r, AlertSeverity severity) => r.Alerts.Single(a => a.Severity == severity).FiresAt?.TotalSeconds;
        return new ForecastRange(
            inputs,
            ValueRange.Of(ends.Select(r => r.MaxLag), mid.MaxLag),
            ValueRange.Of(ends.Select(r => r.MaxPartitionLag), mid.MaxPartitionLag),
            ValueRange.Of(ends.Select(r => r.MaxTimeLag.TotalSeconds), mid.MaxTimeLag.TotalSeconds),
            ValueRange.Of(ends.Select(r => r.EndBacklog), mid.EndBacklog),
            ValueRange.OfOptional(ends.Select(Drain), Drain(mid), mid.WallHorizon.TotalSeconds),
            ValueRange.OfOptional(ends.Select(r => Fires(r, AlertSeverity.Warning)), Fires(mid, AlertSeverity.Warning), horizon),
            ValueRange.OfOptional(ends.Select(r => Fires(r, AlertSeverity.Critical)), Fires(mid, AlertSeverity.Critical), horizon));
    }

    private static string Describe(Calibration c) =>
        $"{(c.Source.Length > 0 ? c.Source : "calibration")} (measured {c.Measured.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC on {c.Measured.Scenario}, cluster {c.Measured.Cluster}, fleet {c.Measured.Fleet}, LagLab {c.Measured.Laglab})";
}
