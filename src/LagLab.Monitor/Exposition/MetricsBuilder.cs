using LagLab.Monitor.Analysis;

namespace LagLab.Monitor.Exposition;

/// <summary>
/// The metric families of docs/monitor.md (names and labels are the contract of DESIGN.md). Lag series
/// exist only for partitions with a committed offset; values that are unknown are left out rather than
/// exposed as NaN; while the monitor is down, only its own health is exposed (no stale lag passed as fresh).
/// </summary>
internal static class MetricsBuilder
{
    public static readonly string[] KnownStates = ["Stable", "PreparingRebalance", "CompletingRebalance", "Empty", "Dead"];

    public static IReadOnlyList<MetricFamily> Build(MonitorView view, MonitorHealth health, LabelCache? labels = null)
    {
        var families = new List<MetricFamily>();
        if (health.Up)
        {
            labels ??= new LabelCache();
            labels.BeginCycle();
            AddPartitionFamilies(view, families, labels);
            AddGroupFamilies(view, families);
            labels.EndCycle();
        }
        families.Add(Gauge("laglab_monitor_up", "1 when the latest collection cycle read the cluster, 0 otherwise.", [(LabelSet.Empty, health.Up ? 1 : 0)]));
        families.Add(Gauge("laglab_monitor_poll_duration_seconds", "Duration of the latest collection cycle.", [(LabelSet.Empty, health.LastPollSeconds)]));
        if (health.LastSuccess is { } last)
        {
            families.Add(Gauge("laglab_monitor_last_poll_timestamp_seconds", "Unix time of the latest successful collection cycle.", [(LabelSet.Empty, last.ToUnixTimeMilliseconds() / 1000.0)]));
        }
        families.Add(new MetricFamily("laglab_monitor_cycle_timeouts_total", MetricType.Counter, "Collection cycles abandoned because they exceeded their timeout.", [(LabelSet.Empty, health.CycleTimeouts)]));
        families.Add(new MetricFamily("laglab_monitor_cycle_failures_total", MetricType.Counter, "Collection cycles that failed (cluster unreachable or errors).", [(LabelSet.Empty, health.CycleFailures)]));
        return families;
    }

    public static IEnumerable<Sample> Samples(IReadOnlyList<MetricFamily> families) => families.SelectMany(f => f.Samples());

    private static void AddPartitionFamilies(MonitorView view, List<MetricFamily> families, LabelCache cache)
    {
        // Sized up front: growing four 100,000-entry lists by doubling allocated as much again in garbage.
        var count = 0;
        foreach (var group in view.Groups)
        {
            count += group.Partitions.Count;
        }
        var lag = new List<(LabelSet, double)>(count);
        var lagSeconds = new List<(LabelSet, double)>(count);
        var committed = new List<(LabelSet, double)>(count);
        var margin = new List<(LabelSet, double)>(count);
        foreach (var group in view.Groups)
        {
            foreach (var p in group.Partitions)
            {
                if (p.Committed is not { } offset)
                {
                    continue;
                }
                var labels = cache.GroupPartition(group.Group, p.Topic, p.Partition);
                lag.Add((labels, p.Lag ?? 0));
                committed.Add((labels, offset));
                if (p.TimeLagSeconds is { } seconds)
                {
                    lagSeconds.Add((labels, seconds));
                }
                if (p.RetentionMarginSeconds is { } remaining)
                {
                    margin.Add((labels, remaining));
                }
            }
        }
        families.Add(Gauge("kafka_consumer_lag", "Offset lag: end offset minus committed offset (partitions with a committed offset only).", lag));
        families.Add(Gauge("kafka_consumer_lag_seconds", "Time lag: age of the next record to consume (0 when caught up).", lagSeconds));
        families.Add(Gauge("kafka_consumer_committed_offset", "Committed offset of the group.", committed));
        families.Add(Gauge("kafka_partition_latest_offset", "End offset (high watermark, or last stable offset under read_committed).",
            view.Partitions.Select(p => (cache.Partition(p.Topic, p.Partition), (double)p.Latest)).ToList()));
        families.Add(Gauge("kafka_partition_earliest_offset", "Log start offset.",
            view.Partitions.Select(p => (cache.Partition(p.Topic, p.Partition), (double)p.Earliest)).ToList()));
        families.Add(Gauge("kafka_consumer_retention_margin_seconds", "Seconds until retention deletes the oldest unconsumed record (0: already deleted).", margin));
    }

    private static void AddGroupFamilies(MonitorView view, List<MetricFamily> families)
    {
        var sum = new List<(LabelSet, double)>();
        var max = new List<(LabelSet, double)>();
        var maxSeconds = new List<(LabelSet, double)>();
        var members = new List<(LabelSet, double)>();
        var state = new List<(LabelSet, double)>();
        var status = new List<(LabelSet, double)>();
        var growth = new List<(LabelSet, double)>();
        var drain = new List<(LabelSet, double)>();
        foreach (var group in view.Groups)
        {
            var labels = LabelSet.Of(("group", group.Group));
            sum.Add((labels, group.LagSum));
            max.Add((labels, group.LagMax));
            members.Add((labels, group.Members.Count));
            growth.Add((labels, group.GrowthPerSecond));
            if (group.TimeLagSecondsMax is { } seconds)
            {
                maxSeconds.Add((labels, seconds));
            }
            if (group.DrainSeconds is { } drainSeconds)
            {
                drain.Add((labels, drainSeconds));
            }
            var states = KnownStates.Contains(group.State) ? KnownStates : [.. KnownStates, group.State];
            foreach (var name in states)
            {
                state.Add((LabelSet.Of(("group", group.Group), ("state", name)), name == group.State ? 1 : 0));
            }
            foreach (var value in Enum.GetValues<ConsumerStatus>())
            {
                status.Add((LabelSet.Of(("group", group.Group), ("status", StatusName(value))), value == group.Status ? 1 : 0));
            }
        }
        families.Add(Gauge("kafka_consumergroup_lag_sum", "Sum of the group's offset lag over its partitions with a committed offset.", sum));
        families.Add(Gauge("kafka_consumergroup_lag_max", "Largest offset lag of the group's partitions.", max));
        families.Add(Gauge("kafka_consumergroup_lag_seconds_max", "Largest time lag of the group's partitions.", maxSeconds));
        families.Add(Gauge("kafka_consumergroup_members", "Live members of the group.", members));
        families.Add(Gauge("kafka_consumergroup_state", "Group state: 1 for the current state, 0 for the others.", state));
        families.Add(Gauge("kafka_consumergroup_status", "Verdict over the sliding window (ok, lagging, rewind, stalled, stopped): 1 for the current one.", status));
        families.Add(Gauge("kafka_consumergroup_lag_growth_per_second", "Trend of the group's lag in messages per second (negative: draining).", growth));
        families.Add(Gauge("kafka_consumergroup_drain_seconds", "Seconds until the lag is consumed at the current net rate (absent when not draining).", drain));
    }

    public static string StatusName(ConsumerStatus status) => status.ToString().ToLowerInvariant();


    private static MetricFamily Gauge(string name, string help, List<(LabelSet, double)> series) => new(name, MetricType.Gauge, help, series);
}
