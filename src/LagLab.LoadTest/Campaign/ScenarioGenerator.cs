using System.Globalization;
using LagLab.Forecast;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Campaign;

/// <summary>
/// Seed → a random valid scenario, the same one every time for the same seed: 1–24 partitions, 1–6 instances, every
/// assignor, static or dynamic, blocking or concurrent, both buffers, a bank at 50–500/s, log-normal, flat and
/// two-mode latency, constant, diurnal or peak traffic, and up to three of: kill, rolling deploy, scale, partition
/// growth, bank outage, broker restart. Each run's traffic lasts 25–40 s of wall time, and its level is sized against
/// the capacity model so the backlog the run ends with can drain within <see cref="DrainBudget"/>: a campaign run
/// stays under 90 s and its ledger can be judged whole. The YAML goes through the real loader, as a user's file does.
/// </summary>
public static class ScenarioGenerator
{
    /// <summary>Drain timeout a campaign gives each run; the generator keeps the forecast's end backlog well inside it.</summary>
    public static readonly TimeSpan DrainBudget = TimeSpan.FromSeconds(20);

    private static readonly string[] Assignors = ["range", "roundrobin", "cooperative-sticky"];
    private static readonly string[] ActionKinds = ["kill", "rolling_deploy", "scale", "add_partitions", "bank_outage", "restart_broker"];

    /// <summary>
    /// Mechanism inputs of the forecast when no calibration is given: the built-in scenarios' values measured on the
    /// embedded broker (scenarios/incident.yaml, fixed.yaml, ci-fail.yaml).
    /// </summary>
    private static readonly TimeSpan BlockingOverhead = TimeSpan.FromMilliseconds(8);
    private static readonly TimeSpan ConcurrentOverhead = TimeSpan.FromMilliseconds(7);
    private static readonly TimeSpan EagerRebalance = TimeSpan.FromMilliseconds(750);

    public static GeneratedScenario Generate(int seed)
    {
        var draft = Draw(seed);
        // Size the traffic: 20-90% of what the model says the fleet sustains, then lower it until the backlog the
        // forecast ends with drains in a quarter of the drain budget (a loaded machine drains far slower than modelled).
        var capacity = Forecast(draft with { MeanRate = 1 }).Capacity.Sustainable;
        var random = new Random(Mix(seed, 2));
        draft = draft with { MeanRate = Math.Max(3, capacity * (0.2 + (random.NextDouble() * 0.7))) };
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var forecast = Forecast(draft);
            if (forecast.EndBacklog <= capacity * DrainBudget.TotalSeconds / 4)
            {
                break;
            }
            draft = draft with { MeanRate = Math.Max(3, draft.MeanRate * 0.75) };
        }
        var yaml = draft.ToYaml();
        return new GeneratedScenario(seed, yaml, Load(yaml, seed));
    }

    internal static Scenario Load(string yaml, int seed) =>
        ScenarioLoader.Parse(yaml, $"seed-{seed.ToString(CultureInfo.InvariantCulture)}.yaml", AppContext.BaseDirectory);

    private static ForecastResult Forecast(ScenarioDraft draft)
    {
        var scenario = Load(draft.ToYaml(), draft.Seed);
        return Forecaster.Run(scenario, new ForecastOptions { Horizon = scenario.Producer.Duration, Recommend = false, MaxPoints = 200 });
    }

    private static ScenarioDraft Draw(int seed)
    {
        var random = new Random(Mix(seed, 1));
        var partitions = random.Next(1, 25);
        var instances = random.Next(1, 7);
        var blocking = random.Next(2) == 0;
        var wall = random.Next(25, 41);
        var traffic = DrawTraffic(random);
        int? day = null;
        TimeSpan duration;
        if (traffic.Kind == "constant")
        {
            duration = TimeSpan.FromSeconds(wall);
        }
        else
        {
            var days = random.Next(1, 3);
            day = (wall + days - 1) / days;
            duration = TimeSpan.FromDays(days);
        }
        var factor = day is { } d ? 86400.0 / d : 1;
        var restart = TimeSpan.FromSeconds(random.Next(1, 4));
        var assignor = Assignors[random.Next(Assignors.Length)];
        var draft = new ScenarioDraft
        {
            Seed = seed,
            Partitions = partitions,
            Instances = instances,
            Assignor = assignor,
            StaticMembership = random.Next(2) == 0,
            Blocking = blocking,
            Concurrency = new[] { 4, 8, 16, 32 }[random.Next(4)],
            Buffer = random.Next(2) == 0 ? "memory" : "durable",
            Accounts = new[] { 50, 200, 1000 }[random.Next(3)],
            BankLimit = random.Next(50, 501),
            Latency = DrawLatency(random),
            Traffic = traffic,
            MeanRate = 1,
            Duration = duration,
            DaySeconds = day,
            RestartTime = restart,
            SessionTimeout = TimeSpan.FromSeconds(10),
            CallOverhead = blocking ? BlockingOverhead : ConcurrentOverhead,
            RebalanceTime = assignor == "cooperative-sticky" ? TimeSpan.FromMilliseconds(500) : EagerRebalance,
            Outages = [],
            Actions = [],
        };
        return DrawDisruptions(random, draft, wall, factor);
    }

    private static TrafficShape DrawTraffic(Random random) => random.Next(3) switch
    {
        0 => new TrafficShape("constant", 1, TimeSpan.Zero, TimeSpan.Zero),
        1 => new TrafficShape("diurnal", 0.3 + (random.NextDouble() * 0.6), TimeSpan.FromHours(random.Next(0, 24)), TimeSpan.Zero),
        _ => new TrafficShape("peaks", 0.4 + (random.NextDouble() * 0.4), TimeSpan.FromHours(random.Next(2, 18)), TimeSpan.FromHours(random.Next(2, 7))),
    };

    private static string DrawLatency(Random random)
    {
        var p50 = random.Next(2, 31);
        return random.Next(3) switch
        {
            0 => $"p50: {p50}ms\np99: {p50}ms",
            1 => $"p50: {p50}ms\np99: {p50 * random.Next(2, 7)}ms",
            _ => $"histogram:\n  - {{ latency: {p50}ms, weight: {random.Next(60, 96)} }}\n  - {{ latency: {p50 * random.Next(3, 9)}ms, weight: 10 }}",
        };
    }

    /// <summary>Up to three distinct disruptions, each at a time that lets it finish inside the run.</summary>
    private static ScenarioDraft DrawDisruptions(Random random, ScenarioDraft draft, int wall, double factor)
    {
        var kinds = ActionKinds.OrderBy(_ => random.Next()).Take(random.Next(0, 4)).ToList();
        var actions = new List<(double Wall, string[] Lines)>();
        var outages = new List<(TimeSpan, TimeSpan)>();
        var scaleTo = kinds.Contains("scale") ? DrawOther(random, draft.Instances) : draft.Instances;
        TimeSpan At(double fromShare, double toShare)
        {
            var wallAt = wall * (fromShare + (random.NextDouble() * (toShare - fromShare)));
            // Whole seconds of wall time, written as whole scenario seconds.
            return TimeSpan.FromSeconds(Math.Round(Math.Round(wallAt) * factor));
        }
        string S(TimeSpan t) => ExactDuration.Format(t);
        foreach (var kind in kinds)
        {
            switch (kind)
            {
                case "kill":
                    var at = At(0.15, 0.6);
                    var restartAfter = Math.Min(draft.Instances, scaleTo) == 1 || random.Next(10) < 7 ? TimeSpan.FromSeconds(random.Next(2, 9)) : (TimeSpan?)null;
                    var lines = new List<string> { "type: kill", $"at: {S(at)}", $"instance: {random.Next(Math.Min(draft.Instances, scaleTo))}" };
                    if (restartAfter is { } after)
                    {
                        lines.Add($"restart_after: {S(after)}");
                    }
                    actions.Add((at.TotalSeconds, [.. lines]));
                    break;
                case "rolling_deploy" when draft.Instances * (draft.RestartTime.TotalSeconds + 6) <= wall * 0.6:
                    var deployAt = At(0.1, 0.3);
                    actions.Add((deployAt.TotalSeconds, ["type: rolling_deploy", $"at: {S(deployAt)}"]));
                    break;
                case "scale":
                    var scaleAt = At(0.2, 0.6);
                    actions.Add((scaleAt.TotalSeconds, ["type: scale", $"at: {S(scaleAt)}", $"instances: {scaleTo}"]));
                    break;
                case "add_partitions" when draft.Partitions < 24:
                    var growAt = At(0.2, 0.6);
                    var to = draft.Partitions + random.Next(1, Math.Min(6, 24 - draft.Partitions) + 1);
                    actions.Add((growAt.TotalSeconds, ["type: add_partitions", $"at: {S(growAt)}", $"partitions: {to}"]));
                    break;
                case "bank_outage":
                    var outageAt = At(0.15, 0.6);
                    var length = TimeSpan.FromSeconds(random.Next(2, 9));
                    if (random.Next(2) == 0)
                    {
                        outages.Add((outageAt, length));
                    }
                    else
                    {
                        actions.Add((outageAt.TotalSeconds, ["type: bank_outage", $"at: {S(outageAt)}", $"duration: {S(length)}"]));
                    }
                    break;
                case "restart_broker":
                    var brokerAt = At(0.2, 0.6);
                    actions.Add((brokerAt.TotalSeconds, ["type: restart_broker", $"at: {S(brokerAt)}", $"duration: {S(TimeSpan.FromSeconds(random.Next(2, 6)))}"]));
                    break;
            }
        }
        return draft with { Actions = [.. actions.OrderBy(a => a.Wall).Select(a => a.Lines)], Outages = outages };
    }

    private static int DrawOther(Random random, int instances)
    {
        var other = random.Next(1, 6);
        return other >= instances ? other + 1 : other;
    }

    /// <summary>Spreads consecutive seeds apart (SplitMix64's finaliser), one stream per purpose.</summary>
    private static int Mix(int seed, int stream)
    {
        var z = ((ulong)(uint)seed << 8) + (ulong)stream + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }
}
