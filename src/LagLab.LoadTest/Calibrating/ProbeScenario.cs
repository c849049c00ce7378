using System.Globalization;
using LagLab.Forecast;
using LagLab.Scenarios;
using LagLab.Scenarios.Profiles;

namespace LagLab.LoadTest.Calibrating;

/// <summary>
/// The short scenario <c>laglab calibrate</c> runs: the scenario's topology (cluster, partitions, instances, assignor,
/// static membership, processing, buffer, budgets, bank) in real time, with constant traffic above what the fleet could
/// do at best so every partition stays backlogged, and one rolling deploy in the middle so restart, rebalance and
/// re-sends show. Its mechanism values (call overhead, rebalance, replay) are zeroed: a probe imposes nothing it measures.
/// </summary>
public static class ProbeScenario
{
    /// <summary>The probe's traffic time by default, and the most it may last (the "at most 2 minutes").</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(90);

    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(2);

    /// <summary>Backlog building and a first backlogged stretch to measure before the deploy.</summary>
    public static readonly TimeSpan DeployAt = TimeSpan.FromSeconds(20);

    /// <summary>A stretch after the deploy as long as the one before it, so per-call time is measured twice.</summary>
    private static readonly TimeSpan AfterDeploy = TimeSpan.FromSeconds(15);

    /// <summary>A process stop, start and group join, per instance, for planning only (what it takes is measured).</summary>
    private static readonly TimeSpan StartAndJoin = TimeSpan.FromSeconds(6);

    /// <summary>Traffic is this much above the fleet's best case, so it stays backlogged even if the model is optimistic.</summary>
    private const double Overload = 1.3;

    /// <summary>At least this much excess (events/s), so the backlog the meter needs (500) builds within seconds.</summary>
    private const double MinExcess = 100;

    /// <summary>The probe, with its description in words and a note when the deploy could not be part of it.</summary>
    public static (Scenario Probe, string How, string? Note) Derive(Scenario scenario, TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(30) || duration > MaxDuration)
        {
            throw new ArgumentException($"--duration must be between 30s and {Duration.Format(MaxDuration)}, got {Duration.Format(duration)}.");
        }
        // No stated rebalance either: the meter subtracts it from a dynamic member's restart when it cannot measure it
        // (cooperative), which with the 10 s default left a cooperative fleet's restart at 0.
        var fleet = scenario.Fleet with { CallOverhead = TimeSpan.Zero, RestartReplay = 0, RebalanceTime = TimeSpan.Zero };
        var best = BestCase(scenario with { Fleet = fleet });
        var rate = Math.Ceiling(best + Math.Max((best * (Overload - 1)) + 20, MinExcess));
        var ic = CultureInfo.InvariantCulture;
        string? note = null;
        IReadOnlyList<ScenarioAction> actions = [];
        var deploy = "no deploy";
        if (scenario.Fleet.Kind == FleetKind.External)
        {
            note = "the fleet is external: the harness does not deploy it, so restart, rebalance and re-sent events are not measured (the forecast gives a range over them)";
        }
        else
        {
            var perInstance = fleet.ReplacementTime + StartAndJoin + (fleet.IsEager ? 2 * TimeSpan.FromSeconds(1) : TimeSpan.Zero);
            var needed = DeployAt + (perInstance * fleet.Instances) + AfterDeploy;
            if (needed <= duration)
            {
                actions = [new RollingDeployAction(DeployAt, null)];
                deploy = $"one rolling deploy at {Duration.Format(DeployAt)} (replacement_time {Duration.Format(fleet.ReplacementTime)} imposed per instance)";
            }
            else
            {
                note = $"a rolling deploy of {fleet.Instances} instances (about {Duration.Format(needed)} with its backlogged stretches) does not fit in a {Duration.Format(duration)} probe: restart, rebalance and re-sent events are not measured";
            }
        }
        var probe = scenario with
        {
            Description = $"calibration probe of {scenario.Name}",
            Producer = scenario.Producer with { Rate = new ConstantRate(rate), Duration = duration },
            Fleet = fleet,
            Bank = scenario.Bank with { Outages = [] },
            Actions = actions,
            TimeScale = TimeScale.RealTime,
            Slos = new SloSpec { ZeroLost = false, ZeroDuplicates = false },
            Warnings = [],
        };
        var how = string.Create(ic, $"laglab calibrate {scenario.Name}: {rate:0}/s constant for {Duration.Format(duration)} (the model's best case for this fleet is {best:0.#}/s), {deploy}, real time");
        return (probe, how, note);
    }

    /// <summary>What the fleet processes with every partition backlogged and no overhead: the most it could do.</summary>
    private static double BestCase(Scenario scenario) =>
        Forecaster.Run(scenario with { TimeScale = TimeScale.RealTime, Actions = [] }, new ForecastOptions { Horizon = TimeSpan.FromSeconds(1), Recommend = false }).Capacity.Saturated;
}
