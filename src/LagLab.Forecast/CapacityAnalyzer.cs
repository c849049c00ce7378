using System.Globalization;
using LagLab.Forecast.Simulation;
using LagLab.Forecast.Timeline;
using LagLab.Scenarios;

namespace LagLab.Forecast;

/// <summary>The capacity numbers of a scenario, and what one rolling deploy costs, from the same model the integrator uses.</summary>
internal static class CapacityAnalyzer
{
    public static FleetCapacity Analyze(Scenario scenario, double horizonWall)
    {
        var p = new FleetParameters(scenario);
        var partitions = scenario.Topic.Partitions;
        var members = Enumerable.Range(0, scenario.Fleet.Instances).ToList();
        var assignment = StickyAssignor.Assign([], partitions, members);
        var owned = new int[members.Count];
        foreach (var o in assignment)
        {
            owned[o]++;
        }
        var saturated = Math.Min(owned.Where(n => n > 0).Sum(n => p.Capacity(n, partitions)), p.BankCapacity);
        // Evenly spread inflow x gives instance m the share n_m / P; it keeps up while x n_m / P <= C_m.
        var sustainable = p.BankCapacity;
        var limiting = -1;
        for (var m = 0; m < owned.Length; m++)
        {
            if (owned[m] > 0 && p.Capacity(owned[m], partitions) * partitions / owned[m] < sustainable - 1e-9)
            {
                sustainable = p.Capacity(owned[m], partitions) * partitions / owned[m];
                limiting = m;
            }
        }
        var (loss, groupPause, partitionPause) = DeployCost(scenario, p, saturated);
        return new FleetCapacity(
            TimeSpan.FromSeconds(p.MeanLatency),
            p.Calls(owned.Max(), partitions),
            owned.Count(n => n > 0),
            saturated,
            sustainable,
            p.BankCapacity,
            Bottleneck(scenario, p, limiting < 0 ? 0 : owned[limiting], partitions, limiting),
            scenario.Producer.Rate.Peak,
            scenario.WallClockRate.Integral(0, horizonWall) / horizonWall,
            loss,
            TimeSpan.FromSeconds(groupPause),
            TimeSpan.FromSeconds(partitionPause));
    }

    private static string Bottleneck(Scenario scenario, FleetParameters p, int owned, int partitions, int limiting)
    {
        var ic = CultureInfo.InvariantCulture;
        if (limiting < 0)
        {
            return string.Create(ic, $"the bank's limit ({scenario.Bank.RateLimit:0.#}/s)");
        }
        var latency = p.MeanLatency * 1000;
        var share = string.Create(ic, $"the instance with {owned} of {partitions} partitions gets {100.0 * owned / partitions:0}% of the traffic");
        if (scenario.Fleet.RateLimit is { } budget && budget * owned / partitions < p.Calls(owned, partitions))
        {
            return string.Create(ic, $"client budget {budget:0.#}/s split by partition share: {share}");
        }
        return p.Blocking
            ? string.Create(ic, $"blocking: 1 call at a time per instance at {latency:0.#} ms mean = {p.Calls(owned, partitions):0.#}/s; {share}")
            : string.Create(ic, $"{scenario.Fleet.Concurrency} calls in flight / {latency:0.#} ms mean = {p.Calls(owned, partitions):0.#}/s per instance; {share}");
    }

    /// <summary>Replays one rolling deploy on its own and measures the processing it costs.</summary>
    private static (double Loss, double GroupPause, double PartitionPause) DeployCost(Scenario scenario, FleetParameters p, double saturated)
    {
        var f = scenario.Fleet;
        var length = (f.Instances * 2 * (f.RestartTime + f.RebalanceTime + f.SessionTimeout).TotalSeconds) + 10;
        var single = scenario with
        {
            Actions = [new RollingDeployAction(TimeSpan.Zero, null)],
            Bank = scenario.Bank with { Outages = [] },
            TimeScale = TimeScale.RealTime,
        };
        var segments = FleetTimeline.Build(single, length);
        double loss = 0, groupPause = 0;
        var paused = new double[segments.Max(s => s.Partitions)];
        var longest = 0.0;
        foreach (var seg in segments)
        {
            var owned = seg.OwnedCounts();
            var capacity = Math.Min(owned.Select((n, m) => seg.Running[m] && n > 0 ? p.Capacity(n, seg.Partitions) : 0).Sum(), p.BankCapacity);
            loss += Math.Max(0, saturated - capacity) * seg.Length;
            if (seg.Owner.All(o => o < 0))
            {
                groupPause += seg.Length;
            }
            for (var j = 0; j < seg.Partitions; j++)
            {
                paused[j] = seg.Owner[j] < 0 ? paused[j] + seg.Length : 0;
                longest = Math.Max(longest, paused[j]);
            }
        }
        return (loss, groupPause, longest);
    }
}
