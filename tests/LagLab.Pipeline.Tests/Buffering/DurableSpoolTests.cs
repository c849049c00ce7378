using System.Text;
using LagLab.Pipeline.Buffering;
using LagLab.Testing;

namespace LagLab.Pipeline.Tests.Buffering;

public sealed class DurableSpoolTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory _dir = new();

    [Fact]
    public void Peek_InterleavedAccounts_ReturnsEachAccountInAppendOrder()
    {
        using var spool = DurableSpool.Open(_dir.Path);
        Append(spool, "a-1", "a", offset: 10);
        Append(spool, "b-1", "b", offset: 11);
        Append(spool, "a-2", "a", offset: 12);
        Append(spool, "a-3", "a", offset: 13);

        Assert.Equal(["a-1", "a-2", "a-3"], spool.Peek("a", 10).Select(e => e.EventId));
        Assert.Equal(["a-1", "a-2"], spool.Peek("a", 2).Select(e => e.EventId));
        Assert.Equal(["b-1"], spool.Peek("b", 10).Select(e => e.EventId));
        Assert.Equal(4, spool.Depth);
        Assert.Equal(["a", "b"], spool.Accounts.Order());
    }

    [Fact]
    public void Append_SameEventTwice_KeepsTheFirst()
    {
        using var spool = DurableSpool.Open(_dir.Path);

        Assert.True(Append(spool, "e", "a", offset: 1));
        Assert.False(Append(spool, "e", "a", offset: 2));

        Assert.Equal(1, Assert.Single(spool.Peek("a", 10)).Offset);
        Assert.Equal(1, spool.Depth);
    }

    [Fact]
    public void Open_AfterClose_KeepsEveryEventAndItsFields()
    {
        using (var spool = DurableSpool.Open(_dir.Path))
        {
            spool.Append("e-1", "acc", "topic", 3, 42, T0, T0.AddSeconds(1), Encoding.UTF8.GetBytes("{\"x\":1}"));
            Append(spool, "e-2", "acc", offset: 43);
        }

        using var reopened = DurableSpool.Open(_dir.Path);

        var entries = reopened.Peek("acc", 10);
        Assert.Equal(2, entries.Count);
        var first = entries[0];
        Assert.Equal(("e-1", "acc", "topic", 3, 42L), (first.EventId, first.Account, first.Topic, first.Partition, first.Offset));
        Assert.Equal(T0, first.ProducedAt);
        Assert.Equal(T0.AddSeconds(1), first.SpooledAt);
        Assert.Equal("{\"x\":1}", Encoding.UTF8.GetString(first.Body));
        Assert.True(reopened.HasAccount("acc"));
        Assert.Equal(2, reopened.Depth);
    }

    [Fact]
    public void Open_Always_UsesWriteAheadLog()
    {
        using (DurableSpool.Open(_dir.Path))
        {
            Assert.True(File.Exists(Path.Combine(_dir.Path, DurableSpool.FileName + "-wal")));
        }
    }

    [Fact]
    public void Remove_LastEventOfAccount_ForgetsTheAccount()
    {
        using var spool = DurableSpool.Open(_dir.Path);
        Append(spool, "a-1", "a", offset: 1);
        Append(spool, "a-2", "a", offset: 2);

        foreach (var entry in spool.Peek("a", 10))
        {
            spool.Remove(entry);
        }

        Assert.False(spool.HasAccount("a"));
        Assert.Equal(0, spool.Depth);
        Assert.Null(spool.OldestProducedAt);
    }

    [Fact]
    public void OldestProducedAt_SeveralEvents_IsTheEarliest()
    {
        using var spool = DurableSpool.Open(_dir.Path);
        spool.Append("late", "a", "t", 0, 1, T0.AddSeconds(5), T0, [1]);
        spool.Append("early", "b", "t", 0, 2, T0.AddSeconds(2), T0, [1]);

        Assert.Equal(T0.AddSeconds(2), spool.OldestProducedAt);
    }

    [Fact]
    public void RemovePartition_MixedPartitions_TakesOnlyThatPartitionOldestFirst()
    {
        using var spool = DurableSpool.Open(_dir.Path);
        spool.Append("p0-a", "a", "t", 0, 7, T0, T0, [1]);
        spool.Append("p1-b", "b", "t", 1, 3, T0, T0, [1]);
        spool.Append("p0-c", "c", "t", 0, 9, T0, T0, [1]);
        spool.Append("other-topic", "d", "u", 0, 1, T0, T0, [1]);

        var removed = spool.RemovePartition("t", 0);

        Assert.Equal([7L, 9L], removed.Select(e => e.Offset));
        Assert.Equal(2, spool.Depth);
        Assert.False(spool.HasAccount("a"));
        Assert.True(spool.HasAccount("b"));
        Assert.Empty(spool.RemovePartition("t", 0));
    }

    public void Dispose() => _dir.Dispose();

    private static bool Append(DurableSpool spool, string eventId, string account, long offset) =>
        spool.Append(eventId, account, "t", 0, offset, T0, T0, Encoding.UTF8.GetBytes(eventId));
}
