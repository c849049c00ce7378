using LagLab.LoadTest.Sampling;

namespace LagLab.LoadTest.Tests.Sampling;

public sealed class PrometheusTextTests
{
    private const string Text = """
        # HELP laglab_pipeline_spool_depth Events in the spool.
        # TYPE laglab_pipeline_spool_depth gauge
        laglab_pipeline_spool_depth{instance="a"} 12
        laglab_pipeline_spool_depth{instance="b",note="x y"} 30 1700000000000
        laglab_pipeline_spool_depth_oldest 99
        laglab_pipeline_events_processed_total 5
        """;

    [Fact]
    public void Sum_AddsEveryLabelSetOfTheMetricOnly() =>
        Assert.Equal(42, PrometheusText.Sum(Text, "laglab_pipeline_spool_depth"));

    [Fact]
    public void Sum_UnlabelledMetric_IsItsValue() =>
        Assert.Equal(5, PrometheusText.Sum(Text, "laglab_pipeline_events_processed_total"));

    [Fact]
    public void Sum_Absent_IsNull() => Assert.Null(PrometheusText.Sum(Text, "laglab_pipeline_rebalances_total"));
}
