using LagLab.Scenarios;

namespace LagLab.Forecast.Tests;

public sealed class RecommenderTests
{
    [Fact]
    public void Recommend_BankBound_OnlyTheBankLimitHelps_AndItIsTheSmallestThatHolds()
    {
        // 250/s against 200/s for an hour. Lag (250 − B) × 3600 must stay ≤ 5,000: B ≥ 248.6, so 249.
        var r = TestScenarios.Run(TestScenarios.Constant(250, partitions: 4, instances: 2), TimeSpan.FromHours(1), target: 5000, recommend: true);

        var rec = r.Recommendation!;
        Assert.False(rec.AlreadyHolds);
        Assert.Null(rec.Changes.Single(c => c.Lever == Lever.Partitions).To);
        Assert.Null(rec.Changes.Single(c => c.Lever == Lever.Instances).To);
        Assert.Null(rec.Changes.Single(c => c.Lever == Lever.Concurrency).To);
        var bank = rec.Changes.Single(c => c.Lever == Lever.BankLimit);
        Assert.Equal(249, bank.To);
        Assert.Equal(3600, bank.MaxBacklog!.Value, 6);
        Assert.Same(bank, rec.Best);
    }

    [Fact]
    public void Recommend_BlockingConsumer_SwitchingToTwoCallsInFlightIsEnough()
    {
        var r = TestScenarios.Run(TestScenarios.Constant(150, processing: ProcessingMode.Blocking, bank: 1000), TimeSpan.FromHours(1), target: 1000, recommend: true);

        var rec = r.Recommendation!;
        Assert.Equal(2, rec.Changes.Single(c => c.Lever == Lever.Concurrency).To);
        Assert.Null(rec.Changes.Single(c => c.Lever == Lever.Partitions).To);
        Assert.Equal(Lever.Concurrency, rec.Best!.Lever);
    }

    [Fact]
    public void Recommend_UnevenPartitions_MorePartitionsBalanceTheLoad()
    {
        // 3 partitions for 2 blocking instances keep up with 150/s; 4 partitions balance them to 200/s.
        var r = TestScenarios.Run(TestScenarios.Constant(180, partitions: 3, instances: 2, processing: ProcessingMode.Blocking, bank: 1000), TimeSpan.FromHours(1), target: 1000, recommend: true);

        var partitions = r.Recommendation!.Changes.Single(c => c.Lever == Lever.Partitions);
        Assert.Equal(4, partitions.To);
        Assert.Equal(0, partitions.MaxBacklog);
        Assert.Equal(3, r.Recommendation.Changes.Single(c => c.Lever == Lever.Instances).To);
    }

    [Fact]
    public void Recommend_TargetAlreadyHeld_ChangesNothing()
    {
        var r = TestScenarios.Run(TestScenarios.Constant(100), TimeSpan.FromHours(1), target: 1000, recommend: true);

        Assert.True(r.Recommendation!.AlreadyHolds);
        Assert.Empty(r.Recommendation.Changes);
        Assert.Null(r.Recommendation.Best);
    }

    [Fact]
    public void Recommend_DefaultTarget_IsTheSloElseTheCriticalThreshold()
    {
        var s = TestScenarios.Constant(250);

        Assert.Equal(10_000, TestScenarios.Run(s, TimeSpan.FromMinutes(10), recommend: true).Recommendation!.Target);
        Assert.Equal(777, TestScenarios.Run(s with { Slos = new SloSpec { MaxLag = 777 } }, TimeSpan.FromMinutes(10), recommend: true).Recommendation!.Target);
    }
}
