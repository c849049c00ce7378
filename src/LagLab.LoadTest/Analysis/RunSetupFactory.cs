using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Analysis;

/// <summary>The setup lines of a report, from the scenario.</summary>
internal static class RunSetupFactory
{
    public static RunSetup From(Scenario s)
    {
        var latency = s.Bank.Latency.Histogram.Count > 0
            ? $"histogram of {s.Bank.Latency.Histogram.Count} buckets (mean {s.Bank.Latency.MeanSeconds * 1000:0.#}ms)"
            : $"p50 {Duration.Format(s.Bank.Latency.P50)}, p99 {Duration.Format(s.Bank.Latency.P99)}";
        return new RunSetup(
            Cluster: s.Cluster.Kind == ClusterKind.Embedded ? "embedded broker" : $"external ({s.Cluster.BootstrapServers})",
            Topic: s.Topic.Name,
            Partitions: s.Topic.Partitions,
            Fleet: s.Fleet.Kind == FleetKind.Local ? "local processes" : "external",
            Instances: s.Fleet.Instances,
            Assignor: s.Fleet.Assignor switch
            {
                Assignor.Range => "range (eager)",
                Assignor.RoundRobin => "roundrobin (eager)",
                _ => "cooperative-sticky",
            },
            StaticMembership: s.Fleet.StaticMembership,
            Processing: s.Fleet.Processing == ProcessingMode.Blocking ? "blocking" : "concurrent",
            Concurrency: s.Fleet.Concurrency,
            Buffer: s.Fleet.Buffer.ToString().ToLowerInvariant(),
            BankRateLimit: s.Bank.RateLimit,
            BankLatency: latency,
            Rate: s.Producer.Rate.Describe(),
            PeakRate: s.Producer.Rate.Peak,
            TimeScale: s.TimeScale.Factor,
            DayWallSeconds: s.TimeScale.ToWall(TimeSpan.FromDays(1)).TotalSeconds,
            Duration: Duration.Format(s.Producer.Duration),
            WallSeconds: s.TimeScale.ToWall(s.Producer.Duration).TotalSeconds,
            WarningThreshold: s.Alerts.Warning,
            CriticalThreshold: s.Alerts.Critical,
            AlertForWallSeconds: s.TimeScale.ToWall(s.Alerts.For).TotalSeconds);
    }
}
