using LagLab.Monitor.Analysis;

namespace LagLab.Monitor.Tests.Analysis;

public sealed class StatusEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PartitionSample[] Window(params (long? Committed, long Latest)[] polls) =>
        [.. polls.Select((p, i) => new PartitionSample(T0.AddSeconds(i * 5), p.Committed, p.Latest))];

    private static ConsumerStatus Status(PartitionSample[] window, bool owned = true, long allowed = 0) =>
        StatusEvaluator.Evaluate(window, owned, allowed, minSamples: 3).Status;

    [Fact]
    public void Evaluate_CaughtUpWithOldCommit_IsOk()
    {
        // Burrow's false STOP on quiet topics: nothing new, nothing committed for ages, lag 0.
        Assert.Equal(ConsumerStatus.Ok, Status(Window((10, 10), (10, 10), (10, 10), (10, 10)), owned: false));
    }

    [Fact]
    public void Evaluate_TooFewSamples_IsOkAndIncomplete()
    {
        var verdict = StatusEvaluator.Evaluate(Window((0, 100), (0, 200)), owned: false, 0, minSamples: 3);

        Assert.Equal(new PartitionVerdict(ConsumerStatus.Ok, Complete: false), verdict);
    }

    [Fact]
    public void Evaluate_NoProgressWithLagAndLiveOwner_IsStalled()
    {
        Assert.Equal(ConsumerStatus.Stalled, Status(Window((50, 100), (50, 110), (50, 120)), owned: true));
    }

    [Fact]
    public void Evaluate_NoProgressWithLagAndNoOwner_IsStopped()
    {
        Assert.Equal(ConsumerStatus.Stopped, Status(Window((50, 100), (50, 100), (50, 100)), owned: false));
    }

    [Fact]
    public void Evaluate_ProgressButLagRising_IsLagging()
    {
        Assert.Equal(ConsumerStatus.Lagging, Status(Window((0, 100), (50, 200), (100, 300), (150, 400))));
    }

    [Fact]
    public void Evaluate_SawToothGrowth_IsLagging()
    {
        // Batched commits make lag dip every other poll; Burrow's "never decreases" would call this OK.
        Assert.Equal(ConsumerStatus.Lagging, Status(Window((0, 100), (0, 150), (100, 200), (100, 300), (250, 380), (250, 480))));
    }

    [Fact]
    public void Evaluate_LagDraining_IsOk()
    {
        Assert.Equal(ConsumerStatus.Ok, Status(Window((0, 1000), (300, 1100), (600, 1200), (900, 1300))));
    }

    [Fact]
    public void Evaluate_LagTouchesAllowedInsideWindow_IsOk()
    {
        Assert.Equal(ConsumerStatus.Ok, Status(Window((50, 100), (100, 100), (100, 150), (100, 200)), owned: false));
    }

    [Fact]
    public void Evaluate_CommittedOffsetWentBack_IsRewind()
    {
        Assert.Equal(ConsumerStatus.Rewind, Status(Window((500, 600), (600, 700), (100, 800), (150, 900))));
    }

    [Fact]
    public void Evaluate_RewindRecovered_IsNotRewind()
    {
        Assert.NotEqual(ConsumerStatus.Rewind, Status(Window((500, 600), (100, 700), (650, 700), (700, 710))));
    }

    [Fact]
    public void Evaluate_AllowedLag_IsHonoured()
    {
        Assert.Equal(ConsumerStatus.Ok, Status(Window((50, 100), (50, 100), (50, 100)), owned: false, allowed: 50));
        Assert.Equal(ConsumerStatus.Stopped, Status(Window((50, 101), (50, 101), (50, 101)), owned: false, allowed: 50));
    }

    [Fact]
    public void Evaluate_NoCommittedOffset_IsOkAndIncomplete()
    {
        var verdict = StatusEvaluator.Evaluate(Window((null, 100), (null, 100), (null, 100)), owned: false, 0, 3);

        Assert.Equal(new PartitionVerdict(ConsumerStatus.Ok, Complete: false), verdict);
    }
}
