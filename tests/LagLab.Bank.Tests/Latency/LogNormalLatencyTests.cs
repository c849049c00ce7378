using LagLab.Bank.Latency;

namespace LagLab.Bank.Tests.Latency;

public sealed class LogNormalLatencyTests
{
    [Theory]
    [InlineData(20, 250)]
    [InlineData(5, 6)]
    [InlineData(100, 2000)]
    public void Sample_ManySeededDraws_HitsTheFittedPercentiles(int p50Ms, int p99Ms)
    {
        var model = new LogNormalLatency(TimeSpan.FromMilliseconds(p50Ms), TimeSpan.FromMilliseconds(p99Ms));
        var random = new Random(12345);

        var draws = Enumerable.Range(0, 200_000).Select(_ => model.Sample(random).TotalMilliseconds).Order().ToArray();

        Assert.InRange(draws[100_000], p50Ms * 0.98, p50Ms * 1.02);
        Assert.InRange(draws[198_000], p99Ms * 0.96, p99Ms * 1.04);
    }

    [Fact]
    public void Sample_EqualPercentiles_IsConstant()
    {
        var model = new LogNormalLatency(TimeSpan.FromMilliseconds(7), TimeSpan.FromMilliseconds(7));
        var random = new Random(1);

        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(TimeSpan.FromMilliseconds(7), model.Sample(random)));
    }

    [Fact]
    public void Sample_BothZero_IsZero()
    {
        var model = new LogNormalLatency(TimeSpan.Zero, TimeSpan.Zero);

        Assert.Equal(TimeSpan.Zero, model.Sample(new Random(1)));
    }

    [Fact]
    public void Sample_WideSpread_NeverExceedsTenTimesP99()
    {
        var model = new LogNormalLatency(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(500));
        var random = new Random(7);

        var max = Enumerable.Range(0, 200_000).Max(_ => model.Sample(random));

        Assert.True(max <= TimeSpan.FromSeconds(5), $"max draw {max}");
        Assert.True(max > TimeSpan.FromMilliseconds(500), $"max draw {max} should exceed p99 somewhere in 200k draws");
    }

    [Fact]
    public void Sample_SameSeed_SameDraws()
    {
        var model = new LogNormalLatency(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(250));

        var first = Enumerable.Range(0, 10).Select(_ => model.Sample(new Random(99))).ToArray();
        var a = new Random(3);
        var b = new Random(3);

        Assert.Equal(Enumerable.Range(0, 50).Select(_ => model.Sample(a)), Enumerable.Range(0, 50).Select(_ => model.Sample(b)));
        Assert.Single(first.Distinct());
    }

    [Theory]
    [InlineData(20, 10)]
    [InlineData(0, 10)]
    [InlineData(-1, 10)]
    public void Ctor_ImpossiblePercentiles_Throws(int p50Ms, int p99Ms) =>
        Assert.Throws<ArgumentException>(() => new LogNormalLatency(TimeSpan.FromMilliseconds(p50Ms), TimeSpan.FromMilliseconds(p99Ms)));
}
