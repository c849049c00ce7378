using LagLab.Metrics;
using LagLab.Pipeline.Bank;
using LagLab.Pipeline.Metrics;

namespace LagLab.Pipeline.Tests.Metrics;

public sealed class PipelineMetricsTests
{
    [Fact]
    public void Instruments_ExportedAsPrometheusText_CarryPrefixUnitsAndLiveValues()
    {
        using var metrics = new PipelineMetrics();
        using var exporter = new PrometheusTextExporter(metrics.Meter, PipelineMetrics.SecondsBuckets);
        var spoolDepth = 7;
        metrics.ObserveState(() => 12, () => 3, () => BreakerState.Open, () => spoolDepth, () => 42.5, () => 4, () => 0, () => 66.5);

        metrics.Processed("applied");
        metrics.Processed("applied");
        metrics.Processed("spooled");
        metrics.BankCall(new BankReply(BankOutcome.Throttled, TimeSpan.FromMilliseconds(3)));
        metrics.BankCall(new BankReply(BankOutcome.Applied, TimeSpan.FromMilliseconds(30)));
        metrics.EndToEnd(TimeSpan.FromSeconds(2));

        var text = exporter.Render();

        Assert.Contains("# TYPE laglab_pipeline_events_processed_total counter", text, StringComparison.Ordinal);
        Assert.Contains("laglab_pipeline_events_processed_total{outcome=\"applied\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("laglab_pipeline_events_processed_total{outcome=\"spooled\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("laglab_pipeline_bank_throttled_total 1\n", text, StringComparison.Ordinal);
        Assert.Contains("laglab_pipeline_events_in_flight 12\n", text, StringComparison.Ordinal);
        Assert.Contains("laglab_pipeline_breaker_state 1\n", text, StringComparison.Ordinal);
        Assert.Contains("laglab_pipeline_spool_depth 7\n", text, StringComparison.Ordinal);
        Assert.Contains("laglab_pipeline_spool_oldest_age_seconds 42.5\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE laglab_pipeline_bank_latency_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("laglab_pipeline_bank_latency_seconds_bucket{le=\"0.0025\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("laglab_pipeline_bank_latency_seconds_bucket{le=\"0.005\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("laglab_pipeline_bank_latency_seconds_bucket{le=\"0.05\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("laglab_pipeline_bank_latency_seconds_bucket{le=\"+Inf\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("laglab_pipeline_bank_latency_seconds_count 2\n", text, StringComparison.Ordinal);
        Assert.Contains("laglab_pipeline_end_to_end_delay_seconds_sum 2\n", text, StringComparison.Ordinal);

        spoolDepth = 0;
        Assert.Contains("laglab_pipeline_spool_depth 0\n", exporter.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void SecondsBuckets_DelayAboveAnHour_CountsOnlyInInf()
    {
        using var metrics = new PipelineMetrics();
        using var exporter = new PrometheusTextExporter(metrics.Meter, PipelineMetrics.SecondsBuckets);

        metrics.EndToEnd(TimeSpan.FromHours(3));

        var text = exporter.Render();
        Assert.Contains("laglab_pipeline_end_to_end_delay_seconds_bucket{le=\"3600\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("laglab_pipeline_end_to_end_delay_seconds_bucket{le=\"+Inf\"} 1\n", text, StringComparison.Ordinal);
    }
}
