using LagLab.Monitor.Analysis;
using LagLab.Monitor.Model;

namespace LagLab.Monitor.Tests.Analysis;

public sealed class LagAnalyzerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static AnalyzerOptions Options(TimeLagMode mode = TimeLagMode.Estimate) => new()
    {
        StatusWindow = TimeSpan.FromSeconds(20),
        MinSamples = 3,
        TimeLagMode = mode,
        BreachThresholds = [1000, 10000],
    };

    [Fact]
    public async Task Analyze_KnownOffsets_ExactLagPerPartitionAndNoCommitFlagged()
    {
        var snapshot = new SnapshotBuilder()
            .Partition("events", 0, latest: 100)
            .Partition("events", 1, latest: 50)
            .Partition("events", 2, latest: 70)
            .Group("recon").Commit("recon", "events", 0, 40).Commit("recon", "events", 1, 50).Commit("recon", "events", 2, null)
            .At(T0);

        var view = await new LagAnalyzer(Options()).AnalyzeAsync(snapshot, Token);

        var group = Assert.Single(view.Groups);
        Assert.Equal([60L, 0L, null], group.Partitions.Select(p => p.Lag));
        Assert.True(group.Partitions[2].NoCommit);
        Assert.Null(group.Partitions[2].TimeLagSeconds);
        Assert.Equal(60, group.LagSum);
        Assert.Equal(60, group.LagMax);
        Assert.Equal(1, group.NoCommitPartitions);
    }

    [Fact]
    public async Task Analyze_CommittedPastEndOffset_LagIsZeroNeverNegative()
    {
        var snapshot = new SnapshotBuilder().Partition("t", 0, latest: 10).Group("g").Commit("g", "t", 0, 15).At(T0);

        var view = await new LagAnalyzer(Options()).AnalyzeAsync(snapshot, Token);

        Assert.Equal(0, view.Groups[0].Partitions[0].Lag);
        Assert.Equal(0, view.Groups[0].Partitions[0].TimeLagSeconds);
    }

    [Fact]
    public async Task Analyze_EmptyGroupWithoutMembers_IsIncludedAndStopsWhenLagDoesNotMove()
    {
        var analyzer = new LagAnalyzer(Options());
        var builder = new SnapshotBuilder().Partition("t", 0, latest: 100).Group("idle", "Empty").Commit("idle", "t", 0, 40);
        MonitorView view = MonitorView.Empty;

        for (var i = 0; i < 3; i++)
        {
            view = await analyzer.AnalyzeAsync(builder.At(T0.AddSeconds(i * 5)), Token);
        }

        var group = Assert.Single(view.Groups);
        Assert.Equal("Empty", group.State);
        Assert.Empty(group.Members);
        Assert.Equal(60, group.LagSum);
        Assert.Equal(ConsumerStatus.Stopped, group.Status);
    }

    [Fact]
    public async Task Analyze_OwnedPartitionNotAdvancing_IsStalledAndGroupTakesWorstStatus()
    {
        var analyzer = new LagAnalyzer(Options());
        MonitorView view = MonitorView.Empty;
        for (var i = 0; i < 3; i++)
        {
            var snapshot = new SnapshotBuilder()
                .Partition("t", 0, latest: 100 + (i * 10)).Partition("t", 1, latest: 100 + (i * 10))
                .Group("g").Member("g", "m1", ("t", 0), ("t", 1))
                .Commit("g", "t", 0, 50).Commit("g", "t", 1, 100 + (i * 10))
                .At(T0.AddSeconds(i * 5));
            view = await analyzer.AnalyzeAsync(snapshot, Token);
        }

        Assert.Equal([ConsumerStatus.Stalled, ConsumerStatus.Ok], view.Groups[0].Partitions.Select(p => p.Status));
        Assert.Equal(ConsumerStatus.Stalled, view.Groups[0].Status);
        Assert.Equal("m1", view.Groups[0].Partitions[0].Owner);
    }

    [Fact]
    public async Task Analyze_DisappearedGroupAndDeletedTopic_LeaveTheViewAndTheirState()
    {
        var analyzer = new LagAnalyzer(Options());
        await analyzer.AnalyzeAsync(new SnapshotBuilder()
            .Partition("keep", 0, 10).Partition("gone", 0, 10)
            .Group("a").Commit("a", "keep", 0, 5).Commit("a", "gone", 0, 5)
            .Group("b").Commit("b", "keep", 0, 5)
            .At(T0), Token);

        var view = await analyzer.AnalyzeAsync(new SnapshotBuilder()
            .Partition("keep", 0, 10)
            .Group("a").Commit("a", "keep", 0, 5).Commit("a", "gone", 0, 5)
            .At(T0.AddSeconds(5)), Token);

        var group = Assert.Single(view.Groups);
        Assert.Equal("a", group.Group);
        Assert.Equal(["keep"], group.Partitions.Select(p => p.Topic));
        Assert.Equal(1, analyzer.TrackedWindows);
        Assert.Equal(1, analyzer.TrackedTimelines);
    }

    [Fact]
    public async Task Analyze_CommittedBelowLogStart_FlagsDataLossAndZeroRetentionMargin()
    {
        var snapshot = new SnapshotBuilder()
            .Partition("t", 0, latest: 100, earliest: 60).Retention("t", TimeSpan.FromHours(1))
            .Group("g").Commit("g", "t", 0, 40)
            .At(T0);

        var view = await new LagAnalyzer(Options()).AnalyzeAsync(snapshot, Token);

        Assert.True(view.Groups[0].DataLoss);
        Assert.True(view.Groups[0].Partitions[0].DataLoss);
        Assert.Equal(0, view.Groups[0].Partitions[0].RetentionMarginSeconds);
    }

    [Fact]
    public async Task Analyze_KnownRetentionAndTimeLag_MarginIsRetentionMinusAge()
    {
        var analyzer = new LagAnalyzer(Options());
        var builder = new SnapshotBuilder().Retention("t", TimeSpan.FromHours(1)).Group("g").Commit("g", "t", 0, 50);
        await analyzer.AnalyzeAsync(builder.Partition("t", 0, latest: 0).At(T0), Token);
        await analyzer.AnalyzeAsync(builder.Partition("t", 0, latest: 100).At(T0.AddSeconds(10)), Token);

        var view = await analyzer.AnalyzeAsync(builder.At(T0.AddSeconds(610)), Token);

        var partition = view.Groups[0].Partitions[0];
        var expectedAge = 610 - (51.0 / 100 * 10);
        Assert.Equal(expectedAge, partition.TimeLagSeconds!.Value, 9);
        Assert.Equal(3600 - expectedAge, partition.RetentionMarginSeconds!.Value, 9);
    }

    [Fact]
    public async Task Analyze_GrowingLag_PredictsGrowthAndTimeToBreach()
    {
        var analyzer = new LagAnalyzer(Options());
        MonitorView view = MonitorView.Empty;
        for (var i = 0; i < 4; i++)
        {
            // produce 100/s, consume 80/s: lag grows 20/s from 100
            var snapshot = new SnapshotBuilder()
                .Partition("t", 0, latest: 1000 + (i * 500))
                .Group("g").Member("g", "m", ("t", 0)).Commit("g", "t", 0, 900 + (i * 400))
                .At(T0.AddSeconds(i * 5));
            view = await analyzer.AnalyzeAsync(snapshot, Token);
        }

        var group = view.Groups[0];
        Assert.Equal(20, group.GrowthPerSecond, 9);
        Assert.Null(group.DrainSeconds);
        Assert.Equal(400, group.LagSum);
        Assert.Equal((1000 - 400) / 20.0, group.Breaches[0].Seconds!.Value, 9);
        Assert.Equal((10000 - 400) / 20.0, group.Breaches[1].Seconds!.Value, 9);
        Assert.Equal(80, group.Partitions[0].ConsumeRatePerSecond, 9);
        Assert.Equal(ConsumerStatus.Lagging, group.Status);
    }

    [Fact]
    public async Task Analyze_DrainingLag_PredictsDrainTimeAndNoBreach()
    {
        var analyzer = new LagAnalyzer(Options());
        MonitorView view = MonitorView.Empty;
        for (var i = 0; i < 3; i++)
        {
            var snapshot = new SnapshotBuilder()
                .Partition("t", 0, latest: 5000)
                .Group("g").Member("g", "m", ("t", 0)).Commit("g", "t", 0, 2000 + (i * 500))
                .At(T0.AddSeconds(i * 5));
            view = await analyzer.AnalyzeAsync(snapshot, Token);
        }

        var group = view.Groups[0];
        Assert.Equal(-100, group.GrowthPerSecond, 9);
        Assert.Equal(2000 / 100.0, group.DrainSeconds!.Value, 9);
        Assert.Equal(0, group.Breaches[0].Seconds);
        Assert.Null(group.Breaches[1].Seconds);
    }

    [Fact]
    public async Task Analyze_ExactMode_ReadsTimestampOncePerCommittedOffset()
    {
        var reader = new FakeTimestampReader(T0.AddSeconds(-42));
        var analyzer = new LagAnalyzer(Options(TimeLagMode.Exact), reader);
        var builder = new SnapshotBuilder().Partition("t", 0, latest: 100).Group("a").Commit("a", "t", 0, 10).Group("b").Commit("b", "t", 0, 10);

        await analyzer.AnalyzeAsync(builder.At(T0), Token);
        var view = await analyzer.AnalyzeAsync(builder.At(T0.AddSeconds(5)), Token);

        Assert.Equal(1, reader.Reads);
        Assert.All(view.Groups, g => Assert.Equal(TimeLagMethod.Exact, g.Partitions[0].TimeLagMethod));
        Assert.Equal(47, view.Groups[0].Partitions[0].TimeLagSeconds);
    }

    [Fact]
    public async Task Analyze_ExactMode_CacheForgetsOffsetsNoLongerCommitted()
    {
        var reader = new FakeTimestampReader(T0);
        var analyzer = new LagAnalyzer(Options(TimeLagMode.Exact), reader);
        var builder = new SnapshotBuilder().Partition("t", 0, latest: 100).Group("a");

        for (var i = 0; i < 5; i++)
        {
            await analyzer.AnalyzeAsync(builder.Commit("a", "t", 0, i).At(T0.AddSeconds(i)), Token);
        }

        Assert.Equal(5, reader.Reads);
        Assert.Equal(1, analyzer.CachedTimestamps);
    }

    [Fact]
    public async Task Analyze_ExactReadBudget_LimitsReadsPerCycle()
    {
        var reader = new FakeTimestampReader(T0);
        var analyzer = new LagAnalyzer(Options(TimeLagMode.Exact) with { ExactReadsPerCycle = 2 }, reader);
        var builder = new SnapshotBuilder().Group("a");
        for (var p = 0; p < 5; p++)
        {
            builder.Partition("t", p, latest: 100).Commit("a", "t", p, 1);
        }

        var view = await analyzer.AnalyzeAsync(builder.At(T0.AddSeconds(1)), Token);

        Assert.Equal(2, reader.Reads);
        Assert.Equal(2, view.Groups[0].Partitions.Count(p => p.TimeLagMethod == TimeLagMethod.Exact));
    }

    [Fact]
    public async Task Analyze_AutoMode_ReadsOnlyWhereEstimateIsNotInterpolated()
    {
        var reader = new FakeTimestampReader(T0.AddSeconds(-100));
        var analyzer = new LagAnalyzer(Options(TimeLagMode.Auto), reader);
        var builder = new SnapshotBuilder().Group("a").Commit("a", "t", 0, 5).Commit("a", "t", 1, 150);
        await analyzer.AnalyzeAsync(builder.Partition("t", 0, 100).Partition("t", 1, 100).At(T0), Token);

        var view = await analyzer.AnalyzeAsync(builder.Partition("t", 0, 200).Partition("t", 1, 200).At(T0.AddSeconds(5)), Token);

        Assert.Equal(TimeLagMethod.Exact, view.Groups[0].Partitions[0].TimeLagMethod); // older than every sample
        Assert.Equal(TimeLagMethod.Interpolated, view.Groups[0].Partitions[1].TimeLagMethod);
        Assert.Equal(1, reader.Reads); // partition 0 once (then cached); partition 1 was caught up, then interpolated
    }

    [Fact]
    public async Task Analyze_EstimateMode_NeverReadsRecords()
    {
        var reader = new FakeTimestampReader(T0);
        var analyzer = new LagAnalyzer(Options(TimeLagMode.Estimate), reader);

        await analyzer.AnalyzeAsync(new SnapshotBuilder().Partition("t", 0, 100).Group("a").Commit("a", "t", 0, 0).At(T0), Token);

        Assert.Equal(0, reader.Reads);
    }

    private sealed class FakeTimestampReader(DateTimeOffset timestamp) : IRecordTimestampReader
    {
        public int Reads { get; private set; }

        public Task<RecordTimestamp?> ReadAsync(TopicPartition partition, long offset, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult<RecordTimestamp?>(new RecordTimestamp(offset, timestamp));
        }
    }
}
