using LagLab.Scenarios;

namespace LagLab.Forecast.Tests;

public sealed class CapacityTests
{
    [Fact]
    public void Blocking_IsOneCallAtATimePerInstance_CappedByTheBank()
    {
        var blocking = TestScenarios.Run(TestScenarios.Constant(300, partitions: 2, instances: 2, processing: ProcessingMode.Blocking, bank: 1000), TimeSpan.FromSeconds(100));
        var concurrent = TestScenarios.Run(TestScenarios.Constant(300, partitions: 2, instances: 2, concurrency: 4, bank: 1000), TimeSpan.FromSeconds(100));

        // 2 × 1 / 10 ms = 200/s against 2 × 4 / 10 ms = 800/s (Little's law).
        Assert.Equal(100, blocking.Capacity.CallsPerInstance, 9);
        Assert.Equal(200, blocking.Capacity.Saturated, 9);
        Assert.Equal(400, concurrent.Capacity.CallsPerInstance, 9);
        Assert.Equal(800, concurrent.Capacity.Saturated, 9);
        Assert.Equal(10_000, blocking.MaxLag, 6);
        Assert.Equal(0, concurrent.MaxLag);
    }

    [Fact]
    public void Bank_CapsEvenAWideFleet()
    {
        var r = TestScenarios.Run(TestScenarios.Constant(300, partitions: 12, instances: 6, concurrency: 64), TimeSpan.FromSeconds(10));

        Assert.Equal(200, r.Capacity.Saturated, 9);
        Assert.Equal(200, r.Capacity.Sustainable, 9);
        Assert.StartsWith("the bank's limit", r.Capacity.Bottleneck, StringComparison.Ordinal);
    }

    [Fact]
    public void UnevenPartitions_TheInstanceWithTheLargerShareSaturatesFirst()
    {
        // 3 partitions over 2 blocking instances at 100/s each: the one with 2 partitions gets 2/3 of the
        // traffic, so the fleet keeps up with 150/s only. At 180/s its partitions get 120/s for 100/s: +20/s.
        var s = TestScenarios.Constant(180, partitions: 3, instances: 2, processing: ProcessingMode.Blocking, bank: 1000);

        var r = TestScenarios.Run(s, TimeSpan.FromSeconds(100));

        Assert.Equal(150, r.Capacity.Sustainable, 9);
        Assert.Contains("2 of 3 partitions", r.Capacity.Bottleneck, StringComparison.Ordinal);
        Assert.Equal(2000, r.MaxLag, 6);
        Assert.Equal(1000, r.MaxPartitionLag, 6);
    }

    [Fact]
    public void EvenPartitions_SpreadTheSameTraffic()
    {
        var r = TestScenarios.Run(TestScenarios.Constant(180, partitions: 4, instances: 2, processing: ProcessingMode.Blocking, bank: 1000), TimeSpan.FromSeconds(100));

        Assert.Equal(200, r.Capacity.Sustainable, 9);
        Assert.Equal(0, r.MaxLag);
    }

    [Fact]
    public void MoreInstancesThanPartitions_SitIdle()
    {
        var r = TestScenarios.Run(TestScenarios.Constant(150, partitions: 1, instances: 3, processing: ProcessingMode.Blocking, bank: 1000), TimeSpan.FromSeconds(100));

        Assert.Equal(1, r.Capacity.ActiveConsumers);
        Assert.Equal(100, r.Capacity.Saturated, 9);
        Assert.Equal(5000, r.MaxLag, 6);
    }

    [Fact]
    public void Concurrency_IsBoundedByTheAccountsOwned()
    {
        // Per-account order: 8 accounts allow at most 8 calls in flight, whatever the concurrency.
        var s = TestScenarios.Constant(100, concurrency: 64, bank: 10_000) with
        {
            Producer = TestScenarios.Constant(100).Producer with { Accounts = 8 },
        };

        var r = TestScenarios.Run(s, TimeSpan.FromSeconds(10));

        Assert.Equal(800, r.Capacity.CallsPerInstance, 9);
    }

    [Fact]
    public void BankErrors_CostACallEach()
    {
        var s = TestScenarios.Constant(180) with { Bank = TestScenarios.Constant(180).Bank with { ErrorRate = 0.2 } };

        var r = TestScenarios.Run(s, TimeSpan.FromSeconds(100));

        Assert.Equal(160, r.Capacity.BankLimit, 9);
        Assert.Equal(2000, r.MaxLag, 6);
    }

    [Fact]
    public void ClientBudget_IsSplitByPartitionShare()
    {
        var s = TestScenarios.Constant(100, partitions: 3, instances: 2) with
        {
            Fleet = TestScenarios.Constant(100).Fleet with { Instances = 2, RateLimit = 120 },
        };

        var r = TestScenarios.Run(s, TimeSpan.FromSeconds(10));

        // 80/s and 40/s budgets; the instance with 2 of 3 partitions keeps up with 120/s of total inflow.
        Assert.Equal(120, r.Capacity.Saturated, 9);
        Assert.Equal(120, r.Capacity.Sustainable, 9);
        Assert.Contains("client budget", r.Capacity.Bottleneck, StringComparison.Ordinal);
    }

    [Fact]
    public void CallOverhead_AddsToTheBankLatency_InLittlesLaw()
    {
        // 10 ms at the bank + 10 ms of the pipeline's own: a blocking instance does 50/s, not 100/s.
        var s = TestScenarios.Constant(80, processing: ProcessingMode.Blocking, bank: 1000);
        s = s with { Fleet = s.Fleet with { CallOverhead = TimeSpan.FromMilliseconds(10) } };

        var r = TestScenarios.Run(s, TimeSpan.FromSeconds(100));

        Assert.Equal(50, r.Capacity.CallsPerInstance, 9);
        Assert.Equal(3000, r.MaxLag, 6);
    }

    [Fact]
    public void BankCap_IsSharedMaxMin_ALightInstanceGetsWhatItAsks()
    {
        // 240/s over 3 partitions (80 each), the bank at 200/s. The instance with 1 partition asks 80, under an
        // equal share of 100, and gets it; the other gets the remaining 120 for its 160: +20/s on each of its two.
        // (Proportional sharing would throttle both: 133 and 67.)
        var r = TestScenarios.Run(TestScenarios.Constant(240, partitions: 3, instances: 2), TimeSpan.FromSeconds(100));

        Assert.Equal(4000, r.MaxLag, 6);
        Assert.Equal(2000, r.MaxPartitionLag, 6);
    }
}
