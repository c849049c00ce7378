using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Calibrating;

/// <summary>
/// The spread of the throughput-based mechanisms: the same meter (<see cref="MechanismMeter"/>) applied to each
/// backlogged stretch between actions on its own, so a calibration says how much per-call time moved within the probe.
/// </summary>
internal static class MechanismSpread
{
    public static IReadOnlyList<MeasuredMechanisms> Stretches(Scenario probe, RunResults run)
    {
        var cuts = new List<double> { double.NegativeInfinity };
        cuts.AddRange(run.Actions.OrderBy(a => a.T).SelectMany(a => new[] { a.T, a.End }));
        cuts.Add(double.PositiveInfinity);
        var stretches = new List<MeasuredMechanisms>();
        for (var i = 0; i + 1 < cuts.Count; i += 2)
        {
            var (from, to) = (cuts[i], cuts[i + 1]);
            bool Inside(double t) => t >= from && t <= to;
            var m = MechanismMeter.Measure(probe,
                [.. run.Samples.Where(s => Inside(s.T))],
                [.. run.Rates.Where(r => Inside(r.T))],
                [],
                [.. run.Rebalances.Where(r => Inside(r.T))],
                []);
            if (m.CallsPerSecond is not null)
            {
                stretches.Add(m);
            }
        }
        return stretches;
    }

    /// <summary>The whole probe's value with the stretches' lowest and highest; null when the whole probe did not measure it.</summary>
    public static MeasuredValue? Spread(double? whole, IEnumerable<double?> stretches)
    {
        if (whole is not { } value)
        {
            return null;
        }
        var seen = stretches.OfType<double>().ToList();
        return seen.Count < 2
            ? new MeasuredValue(value)
            : new MeasuredValue(value, Math.Min(value, seen.Min()), Math.Max(value, seen.Max()), seen.Count);
    }
}
