using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Tests.Fixtures;

/// <summary>Hand-built measurements with known answers, for the analysis and report tests.</summary>
internal static class SampleRuns
{
    public static Scenario Scenario(string yaml) => ScenarioLoader.Parse(yaml, "test.yaml", ".");

    public const string IncidentLike = """
        name: incident-like
        topic: { partitions: 2 }
        producer: { rate: 100, duration: 2d, accounts: 10 }
        fleet: { instances: 2, assignor: range, processing: blocking }
        bank: { rate_limit: 80 }
        actions:
          - { type: rolling_deploy, at: 12h, every: 1d }
        time_scale: { day: 60s }
        alerts: { warning: 500, critical: 2000, for: 5m }
        slos: { max_lag: 1000, max_alert: warning, p99_end_to_end: 30s }
        """;

    /// <summary>
    /// 120 s of a 2-partition run sampled every second: lag grows 10/s per partition, the committed offset of
    /// partition 0 stops for 5 s at t=30..35 (a deploy at t=30), the group rebalances at t=30..33.
    /// </summary>
    public static RunMeasurements Measurements()
    {
        var samples = new List<LagSample>();
        var rates = new List<RateSample>();
        long committed0 = 0;
        long committed1 = 0;
        for (var t = 0; t <= 120; t++)
        {
            var end = 100L * t / 2 + 0;
            if (t is < 30 or >= 35)
            {
                committed0 = Math.Max(0, end - (10L * t));
            }
            committed1 = Math.Max(0, end - (10L * t));
            var state = t is >= 30 and < 33 ? "PreparingRebalance" : "Stable";
            long[] lag = [end - committed0, end - committed1];
            samples.Add(new LagSample(t, lag, [committed0, committed1], [end, end], [lag[0] / 50.0, lag[1] / 50.0], state, 2));
            rates.Add(new RateSample(t, 100L * t, 80L * t, 0, 20L * t, 0, 0, 0, 0));
        }
        var delays = Enumerable.Range(1, 1000).Select(i => (i * 0.12, i / 100.0)).ToList();
        return new RunMeasurements(
            new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), 120, 5, samples, rates, delays,
            [new ActionRecord(30, 36, "rolling_deploy", "restart every instance in turn", null)],
            [new AlertRecord("KafkaConsumerLagWarning", "warning", "partition 0", 52, 52.5, null, "monitor")],
            true,
            [new ResourceSample(1, "pipeline-0", 12.5, 80), new ResourceSample(2, "pipeline-0", 14, 82), new ResourceSample(1, "pipeline-1", 10, 79)],
            12_000, 0,
            new Contracts.LedgerStats
            {
                Applied = 9_600, Duplicates = 0, Rejected = 2_400, Errors = 0, Timeouts = 0, Unavailable = 0, BadRequests = 0,
                OrderViolations = 0, SequenceGaps = 0, Accounts = 10, OrderViolationsByAccount = new Dictionary<string, long>(),
            },
            0,
            0,
            [],
            []);
    }

    public static RunResults Results(string name = "incident-like")
    {
        var scenario = Scenario(IncidentLike.Replace("name: incident-like", $"name: {name}", StringComparison.Ordinal));
        var m = Measurements();
        return RunAnalysis.Analyze(scenario, m, ForecastAdapter.Compare(scenario, m.Samples));
    }
}
