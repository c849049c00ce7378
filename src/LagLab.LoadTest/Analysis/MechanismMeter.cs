using LagLab.Forecast;
using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Analysis;

/// <summary>
/// Measures the mechanisms the capacity model takes as inputs — throughput while backlogged, restart and rebalance
/// times of deploys (from the recorded events of each restart, never from the durations the scenario imposed), events
/// re-sent after restarts — and puts them into the scenario, so the model can be checked
/// apart from how good the scenario's stated parameters are for this machine. It never looks at the lag curve's shape.
/// </summary>
internal static class MechanismMeter
{
    /// <summary>Less than this of backlogged time is too little to measure a rate on.</summary>
    public const double MinimumBackloggedSeconds = 5;

    /// <summary>Measured throughput this close to the model's saturated capacity is the model's, not a new limit.</summary>
    private const double SameCapacity = 0.99;

    public static MeasuredMechanisms Measure(Scenario scenario, IReadOnlyList<LagSample> samples, IReadOnlyList<RateSample> rates, IReadOnlyList<ActionRecord> actions, IReadOnlyList<RebalanceRecord> rebalances, IReadOnlyList<InstanceRestart> restarts)
    {
        var fleet = scenario.Fleet;
        var (calls, seconds) = BackloggedCalls(fleet.Instances, samples, rates, actions, rebalances);
        double? perCall = null, overhead = null, budget = null;
        if (calls is { } c && c > 0)
        {
            if (fleet.Processing == ProcessingMode.Blocking)
            {
                perCall = Math.Min(fleet.Instances, scenario.Topic.Partitions) / c;
                overhead = Math.Max(0, perCall.Value - scenario.Bank.Latency.MeanSeconds);
            }
            else if (Saturated(scenario) is { } saturated && c < SameCapacity * saturated)
            {
                budget = c;
            }
        }
        var deploys = actions.Where(a => a.Type == "rolling_deploy" && a.Error is null).OrderBy(a => a.T).ToList();
        var n = Math.Max(1, fleet.Instances);
        var replays = new List<double>();
        for (var i = 0; i < deploys.Count; i++)
        {
            var to = i + 1 < deploys.Count ? deploys[i + 1].T : double.PositiveInfinity;
            replays.Add(Math.Max(0, Counter(rates, to) - Counter(rates, deploys[i].T)) / n);
        }
        var deployed = restarts.Where(r => r.Cause == "rolling_deploy").ToList();
        return new MeasuredMechanisms(calls, seconds, perCall, overhead, budget, RestartSeconds(fleet, deployed), RebalanceSeconds(fleet, deployed), replays)
        {
            Restarts = restarts,
        };
    }

    /// <summary>
    /// The model's <c>restart_time</c>, from events: a static member's partitions wait from the stop request until the
    /// bank applies their first record again; a dynamic member is away from the stop request until its new process asks
    /// to join (its ready line), and the rejoin's rebalance is measured apart.
    /// </summary>
    private static double? RestartSeconds(FleetSpec fleet, List<InstanceRestart> deployed)
    {
        var values = deployed
            .Select(r => fleet.StaticMembership ? r.AwaySeconds : r.Phases.FirstOrDefault(p => p.Name == RestartPhase.Startup)?.To - r.StopRequested)
            .Where(v => v is not null).Select(v => v!.Value).ToList();
        return values.Count == 0 ? null : values.Average();
    }

    /// <summary>Eager: the mean length of the rebalances the ownership lines showed during deploys (each counted once).</summary>
    private static double? RebalanceSeconds(FleetSpec fleet, List<InstanceRestart> deployed)
    {
        if (!fleet.IsEager)
        {
            return null;
        }
        var spans = deployed.SelectMany(r => r.Rebalances).Distinct().ToList();
        return spans.Count == 0 ? null : spans.Average(s => s.Seconds);
    }

    /// <summary>The scenario with its mechanism inputs replaced by the measured ones (where measured).</summary>
    public static Scenario Apply(Scenario scenario, MeasuredMechanisms m)
    {
        var fleet = scenario.Fleet;
        return scenario with
        {
            Fleet = fleet with
            {
                CallOverhead = m.CallOverheadSeconds is { } o ? TimeSpan.FromSeconds(o) : fleet.CallOverhead,
                RateLimit = m.EffectiveBudget is { } b ? Math.Min(b, fleet.RateLimit ?? double.PositiveInfinity) : fleet.RateLimit,
                RestartTime = m.RestartSeconds is { } r ? TimeSpan.FromSeconds(r) : fleet.RestartTime,
                RebalanceTime = m.RebalanceSeconds is { } rb ? TimeSpan.FromSeconds(rb) : fleet.RebalanceTime,
            },
        };
    }

    /// <summary>
    /// Calls/s (applied + re-sent) over the sampling intervals in which every partition had lag, the group's lag was a
    /// backlog rather than work between commits, the whole fleet was in a Stable group, and no action or rebalance ran.
    /// </summary>
    private static (double? Calls, double Seconds) BackloggedCalls(int instances, IReadOnlyList<LagSample> samples, IReadOnlyList<RateSample> rates, IReadOnlyList<ActionRecord> actions, IReadOnlyList<RebalanceRecord> rebalances)
    {
        var busy = actions.Select(a => (From: a.T, To: a.End)).Concat(rebalances.Select(r => (From: r.T, To: r.T + r.Length))).ToList();
        double calls = 0, seconds = 0;
        var s = 0;
        for (var i = 1; i < rates.Count; i++)
        {
            var (a, b) = (rates[i - 1], rates[i]);
            var before = At(samples, a.T, ref s);
            var sAfter = s;
            var after = At(samples, b.T, ref sAfter);
            if (before is null || after is null || !Backlogged(before, instances) || !Backlogged(after, instances)
                || busy.Any(x => x.From <= b.T && x.To >= a.T))
            {
                continue;
            }
            calls += b.Applied - a.Applied + (b.Duplicates - a.Duplicates);
            seconds += b.T - a.T;
        }
        return seconds >= MinimumBackloggedSeconds ? (calls / seconds, seconds) : (null, seconds);
    }

    private static bool Backlogged(LagSample s, int instances) =>
        s.State == "Stable" && s.Members >= instances && s.TotalLag >= Narrative.SmallLag && s.Lag.Length > 0 && s.Lag.All(l => l > 0);

    /// <summary>The last lag sample at or before <paramref name="t"/> (samples in time order; <paramref name="from"/> moves forward).</summary>
    private static LagSample? At(IReadOnlyList<LagSample> samples, double t, ref int from)
    {
        while (from + 1 < samples.Count && samples[from + 1].T <= t)
        {
            from++;
        }
        return from < samples.Count && samples[from].T <= t ? samples[from] : null;
    }

    /// <summary>The bank's re-sent counter at <paramref name="t"/> (the last sample at or before it).</summary>
    private static long Counter(IReadOnlyList<RateSample> rates, double t) =>
        rates.LastOrDefault(r => r.T <= t)?.Duplicates ?? 0;

    /// <summary>What the model says the fleet processes with every partition backlogged; null when it cannot say.</summary>
    private static double? Saturated(Scenario scenario)
    {
        try
        {
            return Forecaster.Run(scenario, new ForecastOptions { Horizon = scenario.TimeScale.ToScenario(TimeSpan.FromSeconds(1)), Recommend = false }).Capacity.Saturated;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
