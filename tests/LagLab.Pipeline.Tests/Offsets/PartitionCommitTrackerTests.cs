using LagLab.Pipeline.Offsets;

namespace LagLab.Pipeline.Tests.Offsets;

public sealed class PartitionCommitTrackerTests
{
    [Fact]
    public void TryTakeCommit_NothingFinal_ReturnsFalse()
    {
        var tracker = new PartitionCommitTracker();
        tracker.Take(10);
        tracker.Take(11);

        Assert.False(tracker.TryTakeCommit(out _));
        Assert.Equal(2, tracker.Pending);
        Assert.Equal(10, tracker.OldestPending);
    }

    [Fact]
    public void Complete_OutOfOrder_CommitsOnlyContiguousPrefix()
    {
        var tracker = new PartitionCommitTracker();
        foreach (var taken in new long[] { 5, 6, 7, 8 })
        {
            tracker.Take(taken);
        }

        tracker.Complete(7);
        tracker.Complete(6);
        Assert.False(tracker.TryTakeCommit(out _));

        tracker.Complete(5);
        Assert.True(tracker.TryTakeCommit(out var offset));
        Assert.Equal(8, offset);
        Assert.Equal(8, tracker.OldestPending);

        tracker.Complete(8);
        Assert.True(tracker.TryTakeCommit(out offset));
        Assert.Equal(9, offset);
        Assert.Null(tracker.OldestPending);
    }

    [Fact]
    public void Complete_OffsetsWithGaps_CommitsPastTheGap()
    {
        var tracker = new PartitionCommitTracker();
        tracker.Take(3);
        tracker.Take(9); // 4..8 were control records or compacted away

        tracker.Complete(9);
        tracker.Complete(3);

        Assert.True(tracker.TryTakeCommit(out var offset));
        Assert.Equal(10, offset);
    }

    [Fact]
    public void TryTakeCommit_NoProgressSinceLastCommit_ReturnsFalse()
    {
        var tracker = new PartitionCommitTracker();
        tracker.Take(0);
        tracker.Complete(0);
        Assert.True(tracker.TryTakeCommit(out _));

        Assert.False(tracker.TryTakeCommit(out _));
    }

    [Fact]
    public void CommitFailed_SameOffset_IsOfferedAgain()
    {
        var tracker = new PartitionCommitTracker();
        tracker.Take(0);
        tracker.Complete(0);
        Assert.True(tracker.TryTakeCommit(out var offset));

        tracker.CommitFailed(offset);

        Assert.True(tracker.TryTakeCommit(out var again));
        Assert.Equal(1, again);
    }

    [Theory]
    [InlineData(4)] // before anything taken
    [InlineData(12)] // after the last taken
    public void Complete_OffsetNotTaken_ReturnsFalse(long offset)
    {
        var tracker = new PartitionCommitTracker();
        tracker.Take(5);
        tracker.Take(11);

        Assert.False(tracker.Complete(offset));
        Assert.Equal(2, tracker.Pending);
    }

    [Fact]
    public void Complete_Twice_SecondReturnsFalse()
    {
        var tracker = new PartitionCommitTracker();
        tracker.Take(1);
        tracker.Take(2);

        Assert.True(tracker.Complete(2));
        Assert.False(tracker.Complete(2));
    }

    [Fact]
    public void Take_NotIncreasing_Throws()
    {
        var tracker = new PartitionCommitTracker();
        tracker.Take(5);

        Assert.Throws<InvalidOperationException>(() => tracker.Take(5));
    }

    [Fact]
    public async Task Complete_ConcurrentWorkers_CommitsEverything()
    {
        var tracker = new PartitionCommitTracker();
        const int count = 10_000;
        for (var i = 0; i < count; i++)
        {
            tracker.Take(i);
        }

        var shuffled = Enumerable.Range(0, count).OrderBy(i => (i * 7919) % count).ToArray();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = w; i < count; i += 4)
            {
                tracker.Complete(shuffled[i]);
            }
        }, TestContext.Current.CancellationToken)));

        Assert.True(tracker.TryTakeCommit(out var offset));
        Assert.Equal(count, offset);
        Assert.Equal(0, tracker.Pending);
    }
}
