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
    public void Take_RedeliveredWhileInWork_SkippedInFlightAndCompletesOnce()
    {
        // Issue 9: librdkafka's pause and resume around a cooperative round that assigned nothing delivered 1871 again.
        var tracker = new PartitionCommitTracker();
        Assert.Equal(TakeOutcome.Taken, tracker.Take(1870));
        Assert.Equal(TakeOutcome.Taken, tracker.Take(1871));

        Assert.Equal(TakeOutcome.SkippedInFlight, tracker.Take(1871));
        Assert.Equal(TakeOutcome.SkippedInFlight, tracker.Take(1870));

        Assert.Equal(2, tracker.Pending);
        Assert.True(tracker.Complete(1870));
        Assert.True(tracker.Complete(1871));
        Assert.True(tracker.TryTakeCommit(out var offset));
        Assert.Equal(1872, offset);
    }

    [Fact]
    public void Take_RedeliveredAfterFinal_SkippedFinalWhetherBehindTheCommitPointOrNot()
    {
        var tracker = new PartitionCommitTracker();
        foreach (var taken in new long[] { 10, 11, 12 })
        {
            tracker.Take(taken);
        }
        tracker.Complete(10); // committable: behind the commit point
        tracker.Complete(12); // final, but 11 before it is not

        Assert.Equal(TakeOutcome.SkippedFinal, tracker.Take(10));
        Assert.Equal(TakeOutcome.SkippedInFlight, tracker.Take(11));
        Assert.Equal(TakeOutcome.SkippedFinal, tracker.Take(12));
        Assert.Equal(TakeOutcome.Taken, tracker.Take(13));

        Assert.True(tracker.TryTakeCommit(out var offset));
        Assert.Equal(11, offset);
    }

    [Fact]
    public void Take_RedeliveredAfterRelease_RetakenAndHoldsTheCommitUntilComplete()
    {
        var tracker = new PartitionCommitTracker();
        foreach (var taken in new long[] { 20, 21, 22 })
        {
            tracker.Take(taken);
        }
        tracker.Complete(20);
        Assert.True(tracker.Release(21));
        Assert.True(tracker.Release(22));
        Assert.True(tracker.TryTakeCommit(out var offset));
        Assert.Equal(21, offset);

        Assert.Equal(TakeOutcome.SkippedFinal, tracker.Take(20));
        Assert.Equal(TakeOutcome.Retaken, tracker.Take(21));
        Assert.Equal(TakeOutcome.Retaken, tracker.Take(22));
        Assert.Equal(TakeOutcome.SkippedInFlight, tracker.Take(22)); // taken again once, not twice

        tracker.Complete(22);
        Assert.False(tracker.TryTakeCommit(out _)); // 21 is work again, not final: the commit stays before it
        tracker.Complete(21);
        Assert.True(tracker.TryTakeCommit(out offset));
        Assert.Equal(23, offset);
    }

    [Fact]
    public void Release_NotInWork_ReturnsFalse()
    {
        var tracker = new PartitionCommitTracker();
        tracker.Take(1);
        tracker.Take(2);
        tracker.Complete(2);

        Assert.False(tracker.Release(0)); // never taken
        Assert.False(tracker.Release(2)); // final
        Assert.True(tracker.Release(1));
        Assert.False(tracker.Release(1)); // already released
    }

    [Fact]
    public void Take_RewindBeforeTheFirstOffsetOfTheLease_SkippedFinal()
    {
        // The lease began at the committed offset: everything before it was final for whoever read it before.
        var tracker = new PartitionCommitTracker();
        tracker.Take(500);
        tracker.Take(501);

        Assert.Equal(TakeOutcome.SkippedFinal, tracker.Take(0));
        Assert.Equal(TakeOutcome.SkippedFinal, tracker.Take(499));

        Assert.Equal(2, tracker.Pending);
        Assert.Equal(500, tracker.OldestPending);
        Assert.False(tracker.TryTakeCommit(out _));
    }

    [Fact]
    public void Take_RedeliveredGapOffset_SkippedAndNeverHoldsTheCommit()
    {
        var tracker = new PartitionCommitTracker();
        tracker.Take(3);
        tracker.Take(9); // 4..8 were control records or compacted away

        Assert.Equal(TakeOutcome.SkippedFinal, tracker.Take(5));
        Assert.False(tracker.Complete(5));

        tracker.Complete(3);
        tracker.Complete(9);
        Assert.True(tracker.TryTakeCommit(out var offset));
        Assert.Equal(10, offset);
    }

    [Fact]
    public void TryTakeCommit_AfterARewindThatSkipsEverything_DoesNotMoveBackwards()
    {
        var tracker = new PartitionCommitTracker();
        for (var offset = 0L; offset < 5; offset++)
        {
            tracker.Take(offset);
            tracker.Complete(offset);
        }
        Assert.True(tracker.TryTakeCommit(out var committed));
        Assert.Equal(5, committed);

        for (var offset = 0L; offset < 5; offset++)
        {
            Assert.Equal(TakeOutcome.SkippedFinal, tracker.Take(offset));
        }
        tracker.CommitFailed(committed); // say the commit in flight during the rewind was fenced

        Assert.True(tracker.TryTakeCommit(out var again));
        Assert.Equal(5, again);
        Assert.Equal(4, tracker.LastTaken);
        Assert.Equal(TakeOutcome.Taken, tracker.Take(5));
    }

    [Fact]
    public void Take_NegativeOffset_Throws()
    {
        var tracker = new PartitionCommitTracker();

        Assert.Throws<ArgumentOutOfRangeException>(() => tracker.Take(-1));
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
