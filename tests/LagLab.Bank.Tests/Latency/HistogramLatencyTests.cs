using LagLab.Bank.Latency;

namespace LagLab.Bank.Tests.Latency;

public sealed class HistogramLatencyTests
{
    private static HistogramBucket Bucket(int lowerMs, int upperMs, double weight) =>
        new(TimeSpan.FromMilliseconds(lowerMs), TimeSpan.FromMilliseconds(upperMs), weight);

    [Fact]
    public void Sample_ManyDraws_BucketSharesFollowTheWeights()
    {
        var model = new HistogramLatency([Bucket(0, 10, 1), Bucket(10, 20, 3), Bucket(20, 100, 6)], "test");
        var random = new Random(5);

        var draws = Enumerable.Range(0, 100_000).Select(_ => model.Sample(random).TotalMilliseconds).ToArray();

        Assert.InRange(draws.Count(d => d <= 10) / 100_000.0, 0.09, 0.11);
        Assert.InRange(draws.Count(d => d > 10 && d <= 20) / 100_000.0, 0.29, 0.31);
        Assert.InRange(draws.Count(d => d > 20) / 100_000.0, 0.59, 0.61);
    }

    [Fact]
    public void Sample_ManyDraws_UniformInsideTheBucket()
    {
        var model = new HistogramLatency([Bucket(0, 10, 0), Bucket(10, 20, 1)], "test");
        var random = new Random(5);

        var draws = Enumerable.Range(0, 50_000).Select(_ => model.Sample(random).TotalMilliseconds).Order().ToArray();

        Assert.All(draws, d => Assert.InRange(d, 10, 20));
        Assert.InRange(draws[25_000], 14.8, 15.2);
    }

    [Fact]
    public void Sample_ZeroWeightBucketBetweenOthers_IsNeverDrawn()
    {
        var model = new HistogramLatency([Bucket(0, 10, 1), Bucket(10, 20, 0), Bucket(20, 30, 1)], "test");
        var random = new Random(9);

        Assert.DoesNotContain(Enumerable.Range(0, 20_000).Select(_ => model.Sample(random).TotalMilliseconds), d => d > 10 && d < 20);
    }

    [Fact]
    public void Ctor_AllWeightsZero_Throws() =>
        Assert.Throws<ArgumentException>(() => new HistogramLatency([Bucket(0, 10, 0)], "test"));
}
