using LagLab.Scenarios;

namespace LagLab.Forecast;

/// <summary>
/// The documented plausible bounds of each mechanism input when nothing measured it (docs/forecast.md, "Without a
/// calibration"). They are deliberately wide: an uncalibrated forecast is a range, and calibrating narrows it to a point.
/// </summary>
public static class UncalibratedBounds
{
    /// <summary>
    /// Highest own time per call assumed: 7 ms was measured on a quiet 2-core machine, 44-50 ms (one stretch 73 ms)
    /// by the built-ins' calibrations at a load average of 70-110.
    /// </summary>
    public static readonly TimeSpan MaxCallOverhead = TimeSpan.FromMilliseconds(75);

    /// <summary>
    /// Lowest share of its budget a pacing pipeline is assumed to achieve: 94.5-98% measured on a quieter machine,
    /// 90% over the fixed calibration's probe (78% in one stretch) at a load average of about 70.
    /// </summary>
    public const double MinBudgetShare = 0.75;

    /// <summary>Longest stop, start and group join assumed on top of the imposed restart time (container pulls, slow starts).</summary>
    public static readonly TimeSpan MaxStartAndJoin = TimeSpan.FromSeconds(15);

    /// <summary>Shortest eager rebalance assumed (the embedded broker's is 0.7-1.1 s).</summary>
    public static readonly TimeSpan MinRebalance = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest eager rebalance assumed: the write-up saw every consumer paused 10-30 s per deploy.</summary>
    public static readonly TimeSpan MaxRebalance = TimeSpan.FromSeconds(30);

    /// <summary>Most re-sends per restart assumed, per call in flight: ci-pass's probe measured 20 with 8 in flight.</summary>
    public const int ReplayPerCallInFlight = 3;

    public static InputBound For(MechanismInput input, Scenario scenario)
    {
        var fleet = scenario.Fleet;
        return input switch
        {
            MechanismInput.CallOverhead => new(input, "call_overhead", 0, MaxCallOverhead.TotalSeconds, "s",
                "0 to 75 ms: measured 7 ms on a quiet 2-core machine, 44-73 ms at a load average of 70-110"),
            MechanismInput.EffectiveBudget => new(input, "effective_budget", MinBudgetShare * (fleet.RateLimit ?? 0), fleet.RateLimit ?? 0, "/s",
                "75% to 100% of fleet.rate_limit: the pacer achieved 94.5-98% of its budget on a quieter machine, 78-96% at a load average of 70"),
            MechanismInput.RestartTime => new(input, "restart_time", fleet.ReplacementTime.TotalSeconds, (fleet.ReplacementTime + MaxStartAndJoin).TotalSeconds, "s",
                "the imposed fleet.replacement_time plus 0 to 15 s of stop, process start, group join and first record"),
            MechanismInput.RebalanceTime => new(input, "rebalance_time", MinRebalance.TotalSeconds, MaxRebalance.TotalSeconds, "s",
                "0.25 s (the embedded broker) to 30 s (the write-up's production rebalances)"),
            MechanismInput.RestartReplay => new(input, "restart_replay", 0, ReplayPerCallInFlight * fleet.Concurrency, "events",
                "0 to 3 x the calls in flight per instance (the ci-pass calibration measured 20 re-sent at 8 in flight)"),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, "not a mechanism input"),
        };
    }

    /// <summary>The scenario with <paramref name="input"/> set to <paramref name="value"/> (in the units of <see cref="InputBound"/>).</summary>
    public static Scenario With(Scenario scenario, MechanismInput input, double value)
    {
        var fleet = scenario.Fleet;
        fleet = input switch
        {
            MechanismInput.CallOverhead => fleet with { CallOverhead = TimeSpan.FromSeconds(value) },
            MechanismInput.EffectiveBudget => fleet with { RateLimit = Math.Min(value, fleet.RateLimit ?? double.PositiveInfinity) },
            MechanismInput.RestartTime => fleet with { RestartTime = TimeSpan.FromSeconds(value) },
            MechanismInput.RebalanceTime => fleet with { RebalanceTime = TimeSpan.FromSeconds(value) },
            MechanismInput.RestartReplay => fleet with { RestartReplay = (int)Math.Round(value) },
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, "not a mechanism input"),
        };
        return scenario with { Fleet = fleet };
    }

    /// <summary>The inputs that can matter for this scenario at all (sensitivity decides among these).</summary>
    public static IReadOnlyList<MechanismInput> Candidates(Scenario scenario)
    {
        var inputs = new List<MechanismInput> { MechanismInput.CallOverhead };
        if (scenario.Fleet.Processing == ProcessingMode.Concurrent && scenario.Fleet.RateLimit is not null)
        {
            inputs.Add(MechanismInput.EffectiveBudget);
        }
        if (scenario.Actions.Count > 0)
        {
            inputs.AddRange([MechanismInput.RestartTime, MechanismInput.RebalanceTime, MechanismInput.RestartReplay]);
        }
        return inputs;
    }
}
