using LagLab.Bank.Ledger;
using LagLab.Contracts;

namespace LagLab.Bank.Tests.Ledger;

public sealed class BankLedgerTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly BankLedger _ledger = new();
    private readonly RequestCounters _counters = new();

    private static ReconciliationEvent Event(string id, string account, long sequence) => new()
    {
        EventId = id,
        Account = account,
        Sequence = sequence,
        Amount = 10m,
        Currency = "EUR",
        ProducedAt = Now,
    };

    private LedgerApplyResult Apply(string id, string account, long sequence) => _ledger.Apply(id, Event(id, account, sequence), Now);

    [Fact]
    public void Apply_NewKeys_AppliedInLedgerOrder()
    {
        var first = Apply("e1", "a", 1);
        var second = Apply("e2", "b", 1);

        Assert.False(first.IsDuplicate);
        Assert.Equal(1, first.Response.LedgerIndex);
        Assert.Equal(2, second.Response.LedgerIndex);
        Assert.Equal(2, _ledger.Applied);
    }

    [Fact]
    public void Apply_SameKeyAgain_ReturnsTheOriginalAndDoesNotReapply()
    {
        var original = Apply("e1", "a", 1);

        var again = _ledger.Apply("e1", Event("e1", "a", 1), Now.AddMinutes(5));

        Assert.True(again.IsDuplicate);
        Assert.Same(original.Response, again.Response);
        Assert.Equal(1, _ledger.Applied);
        Assert.Equal(1, _ledger.Duplicates);
    }

    [Fact]
    public void Apply_DuplicateOfAnOlderEvent_IsNotAnOrderViolation()
    {
        Apply("e1", "a", 1);
        Apply("e2", "a", 2);

        Apply("e1", "a", 1);

        Assert.Equal(0, _ledger.OrderViolations);
    }

    [Fact]
    public void Apply_OlderSequenceAfterNewer_CountsAViolationForThatAccountOnly()
    {
        Apply("a2", "a", 2);
        Apply("b1", "b", 1);
        var late = Apply("a1", "a", 1);
        Apply("a3", "a", 3);

        var stats = _ledger.Snapshot(includeAccounts: false, _counters);

        Assert.True(late.IsOrderViolation);
        Assert.Equal(1, stats.OrderViolations);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 1 }, stats.OrderViolationsByAccount);
        Assert.Equal(4, stats.Applied);
    }

    [Fact]
    public void Apply_SameSequenceUnderAnotherKey_IsAViolation()
    {
        Apply("e1", "a", 1);

        Assert.True(Apply("e1-copy", "a", 1).IsOrderViolation);
    }

    [Fact]
    public void Apply_SkippedSequence_CountsAGapNotAViolation()
    {
        Apply("e1", "a", 1);
        Apply("e3", "a", 3);

        var stats = _ledger.Snapshot(includeAccounts: true, _counters);

        Assert.Equal(0, stats.OrderViolations);
        Assert.Equal(1, stats.SequenceGaps);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 2 }, stats.AppliedByAccount);
    }

    [Fact]
    public void Snapshot_WithoutAccounts_LeavesThePerAccountCountsOut()
    {
        Apply("e1", "a", 1);

        Assert.Null(_ledger.Snapshot(includeAccounts: false, _counters).AppliedByAccount);
    }

    [Fact]
    public async Task Apply_ManyThreadsWithRepeatedKeys_EachKeyAppliedOnce()
    {
        const int Keys = 2_000;
        const int Copies = 4;
        var work = Enumerable.Range(0, Copies).Select(copy => Task.Run(() =>
        {
            for (var i = 0; i < Keys; i++)
            {
                Apply($"e{i}", $"acct{i % 50}", (i / 50) + 1);
            }
        }, TestContext.Current.CancellationToken));

        await Task.WhenAll(work);

        Assert.Equal(Keys, _ledger.Applied);
        Assert.Equal(Keys * (Copies - 1), _ledger.Duplicates);
        var page = _ledger.Page(0, Keys);
        Assert.Equal(Enumerable.Range(1, Keys).Select(i => (long)i), page.Events.Select(e => e.LedgerIndex));
        Assert.Equal(Keys, page.Events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void Page_AfterAndLimit_ReturnsTheNextSliceAndWhereToContinue()
    {
        for (var i = 1; i <= 5; i++)
        {
            Apply($"e{i}", "a", i);
        }

        var page = _ledger.Page(after: 2, limit: 2);
        var end = _ledger.Page(after: 5, limit: 10);

        Assert.Equal(["e3", "e4"], page.Events.Select(e => e.EventId));
        Assert.Equal(4, page.Next);
        Assert.Empty(end.Events);
        Assert.Equal(5, end.Next);
    }
}
