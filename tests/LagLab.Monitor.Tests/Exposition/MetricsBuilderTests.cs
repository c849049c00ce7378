using LagLab.Monitor.Analysis;
using LagLab.Monitor.Exposition;

namespace LagLab.Monitor.Tests.Exposition;

public sealed class MetricsBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly MonitorHealth Up = new(true, 0.25, T0, 0, 0, null);

    private static async Task<MonitorView> ViewAsync() =>
        await new LagAnalyzer(new AnalyzerOptions()).AnalyzeAsync(new SnapshotBuilder()
            .Partition("events", 0, latest: 100).Partition("events", 1, latest: 30)
            .Group("recon").Member("recon", "m1", ("events", 0)).Commit("recon", "events", 0, 40).Commit("recon", "events", 1, null)
            .At(T0), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Build_Up_ExposesExactlyTheDesignMetricNamesAndLabels()
    {
        var families = MetricsBuilder.Build(await ViewAsync(), Up);
        var text = PrometheusTextWriter.Write(families);

        Assert.Contains("kafka_consumer_lag{group=\"recon\",partition=\"0\",topic=\"events\"} 60\n", text);
        Assert.Contains("kafka_consumer_committed_offset{group=\"recon\",partition=\"0\",topic=\"events\"} 40\n", text);
        Assert.Contains("kafka_partition_latest_offset{partition=\"1\",topic=\"events\"} 30\n", text);
        Assert.Contains("kafka_partition_earliest_offset{partition=\"0\",topic=\"events\"} 0\n", text);
        Assert.Contains("kafka_consumergroup_lag_sum{group=\"recon\"} 60\n", text);
        Assert.Contains("kafka_consumergroup_lag_max{group=\"recon\"} 60\n", text);
        Assert.Contains("kafka_consumergroup_members{group=\"recon\"} 1\n", text);
        Assert.Contains("kafka_consumergroup_state{group=\"recon\",state=\"Stable\"} 1\n", text);
        Assert.Contains("kafka_consumergroup_state{group=\"recon\",state=\"Empty\"} 0\n", text);
        Assert.Contains("kafka_consumergroup_status{group=\"recon\",status=\"ok\"} 1\n", text);
        Assert.Contains("kafka_consumergroup_status{group=\"recon\",status=\"stopped\"} 0\n", text);
        Assert.Contains("kafka_consumergroup_lag_growth_per_second{group=\"recon\"} 0\n", text);
        Assert.Contains("laglab_monitor_up 1\n", text);
        Assert.Contains("laglab_monitor_poll_duration_seconds 0.25\n", text);
        Assert.Contains($"laglab_monitor_last_poll_timestamp_seconds {T0.ToUnixTimeSeconds()}\n", text);
        Assert.Contains("# TYPE kafka_consumer_lag gauge\n", text);
        Assert.Contains("# HELP kafka_consumer_lag ", text);
    }

    [Fact]
    public async Task Build_PartitionWithoutCommit_HasNoLagSeriesAndNoNaN()
    {
        var text = PrometheusTextWriter.Write(MetricsBuilder.Build(await ViewAsync(), Up));

        Assert.DoesNotContain("partition=\"1\",topic=\"events\"} ", text.Split('\n').Where(l => l.StartsWith("kafka_consumer_", StringComparison.Ordinal)).Aggregate("", (a, l) => a + l + "\n"));
        Assert.DoesNotContain("NaN", text);
        Assert.DoesNotContain("Inf", text);
    }

    [Fact]
    public async Task Build_MonitorDown_ExposesOnlyItsOwnHealth()
    {
        var down = Up with { Up = false };

        var families = MetricsBuilder.Build(await ViewAsync(), down).Where(f => f.Series.Count > 0).Select(f => f.Name);

        Assert.All(families, name => Assert.StartsWith("laglab_monitor_", name, StringComparison.Ordinal));
        Assert.Contains("laglab_monitor_up", families);
    }

    [Fact]
    public void Write_LabelValuesAndHelp_AreEscaped()
    {
        var family = new MetricFamily("m", MetricType.Gauge, "line\\one\ntwo", [(LabelSet.Of(("l", "a\"b\\c\nd")), 1.5)]);

        var text = PrometheusTextWriter.Write([family]);

        Assert.Equal("# HELP m line\\\\one\\ntwo\n# TYPE m gauge\nm{l=\"a\\\"b\\\\c\\nd\"} 1.5\n", text);
    }

    [Fact]
    public void Write_FamilyWithoutSeries_IsLeftOut()
    {
        Assert.Equal("", PrometheusTextWriter.Write([new MetricFamily("m", MetricType.Gauge, "h", [])]));
    }
}
