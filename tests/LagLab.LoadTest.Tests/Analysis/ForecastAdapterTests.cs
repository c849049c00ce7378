using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Results;
using LagLab.LoadTest.Tests.Fixtures;

namespace LagLab.LoadTest.Tests.Analysis;

public sealed class ForecastAdapterTests
{
    [Theory]
    [InlineData(115, 100, 15)]
    [InlineData(85, 100, -15)]
    [InlineData(0, 0, 0)]
    [InlineData(10, 0, 1000)]
    public void ErrorPercent_IsRelativeToTheMeasuredMaximum(double forecast, double measured, double expected) =>
        Assert.Equal(expected, ForecastAdapter.ErrorPercent(forecast, measured));

    [Fact]
    public void Compare_ConstantInflowAboveCapacity_ForecastsLagAndComparesItsMaximum()
    {
        // 100/s against a bank at 80/s: the model's lag grows 20/s, so 2,400 after 120 s of wall time.
        var scenario = SampleRuns.Scenario("""
            name: over
            topic: { partitions: 2 }
            producer: { rate: 100, duration: 120s }
            fleet: { instances: 2, processing: concurrent, concurrency: 64 }
            bank: { rate_limit: 80, latency: { p50: 5ms, p99: 10ms } }
            """);
        LagSample[] measured = [new(0, [0], [0], [0], [0], "Stable", 1), new(120, [2000], [0], [2000], [0], "Stable", 1)];

        var comparison = ForecastAdapter.Compare(scenario, measured);

        Assert.Null(comparison.Error);
        Assert.Equal(2400, comparison.ForecastMaxLag, 0);
        Assert.Equal(2000, comparison.MeasuredMaxLag);
        Assert.Equal(20, comparison.ErrorPercent);
        Assert.Equal(comparison.Times.Count, comparison.Lag.Count);
        Assert.Contains("sustainable", comparison.Capacity, StringComparison.Ordinal);
    }
}
