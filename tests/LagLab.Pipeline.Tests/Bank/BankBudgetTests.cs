using LagLab.Pipeline.Bank;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Pipeline.Tests.Bank;

public sealed class BankBudgetTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task WaitAsync_ManyCallers_SpacedOneIntervalApart()
    {
        var budget = new BankBudget(10, _time); // one slot every 100 ms
        var calls = Enumerable.Range(0, 4).Select(_ => budget.WaitAsync(TestContext.Current.CancellationToken).AsTask()).ToArray();

        Assert.True(await Eventually.CompletesAsync(calls[0]));
        Assert.False(calls[1].IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(await Eventually.SettledAsync(calls[1]));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await Eventually.CompletesAsync(calls[1]));
        Assert.False(calls[2].IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.True(await Eventually.CompletesAsync(Task.WhenAll(calls)));
    }

    [Fact]
    public async Task WaitAsync_OverOneSecond_HandsOutExactlyTheRate()
    {
        var budget = new BankBudget(200, _time);
        var calls = Enumerable.Range(0, 400).Select(_ => budget.WaitAsync(TestContext.Current.CancellationToken).AsTask()).ToArray();

        // Slots at 0, 5, 10, ... 995 ms: 200 within the first second (the 201st is due at exactly 1 s).
        await Eventually.TrueAsync(() => calls.Count(c => c.IsCompleted) == 1, "the first call");
        for (var released = 2; released <= 200; released++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(5));
            var expected = released;
            await Eventually.TrueAsync(() => calls.Count(c => c.IsCompleted) == expected, $"{expected} calls released");
        }
        _time.Advance(TimeSpan.FromMilliseconds(4)); // 999 ms
        await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.Equal(200, calls.Count(c => c.IsCompleted));
    }

    [Fact]
    public async Task WaitAsync_WakingLongAfterTheSlots_DropsMissedSlotsInsteadOfBursting()
    {
        var budget = new BankBudget(10, _time); // slots 100 ms apart
        var calls = Enumerable.Range(0, 5).Select(_ => budget.WaitAsync(TestContext.Current.CancellationToken).AsTask()).ToArray();
        Assert.True(await Eventually.CompletesAsync(calls[0]));

        _time.Advance(TimeSpan.FromSeconds(1)); // a stall: every waiter wakes 600-900 ms late
        await Eventually.TrueAsync(() => calls.Count(c => c.IsCompleted) == 2, "one late caller to go");
        await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.Equal(2, calls.Count(c => c.IsCompleted));

        for (var expected = 3; expected <= 5; expected++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            var count = expected;
            await Eventually.TrueAsync(() => calls.Count(c => c.IsCompleted) == count, $"{count} callers through");
        }
    }

    [Fact]
    public async Task WaitAsync_WakingSlightlyLate_StillGoes()
    {
        var budget = new BankBudget(10, _time);
        await budget.WaitAsync(TestContext.Current.CancellationToken);
        var second = budget.WaitAsync(TestContext.Current.CancellationToken).AsTask(); // slot at 100 ms

        _time.Advance(TimeSpan.FromMilliseconds(290)); // 190 ms late: within two intervals (the tolerance at 10/s)

        Assert.True(await Eventually.CompletesAsync(second));
    }

    [Fact]
    public async Task SetShare_FourOfTwelvePartitions_PacesAtOneThirdOfTheRate()
    {
        var budget = new BankBudget(300, _time);
        budget.SetShare(4, 12);
        Assert.Equal(100, budget.Rate, precision: 9);

        var first = budget.WaitAsync(TestContext.Current.CancellationToken).AsTask();
        var second = budget.WaitAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.True(await Eventually.CompletesAsync(first));

        _time.Advance(TimeSpan.FromMilliseconds(9));
        Assert.False(await Eventually.SettledAsync(second));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await Eventually.CompletesAsync(second));
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(1, 1000)]
    public void SetShare_TinyShare_KeepsTheMinimumRate(int owned, int total)
    {
        var budget = new BankBudget(200, _time);
        budget.SetShare(owned, total);

        Assert.Equal(BankBudget.MinimumRate, budget.Rate);
    }

    [Fact]
    public void SetShare_OwnsNothing_GetsOnePartitionsShare()
    {
        var budget = new BankBudget(200, _time);
        budget.SetShare(0, 4);

        Assert.Equal(50, budget.Rate);
    }

    [Fact]
    public async Task SetShare_WhileCallersWaitAtATinyRate_RepacesThemAtTheNewRate()
    {
        var budget = new BankBudget(100, _time);
        budget.SetShare(1, 100); // 1 call/s: the waiters' slots are 1 s apart
        var calls = Enumerable.Range(0, 5).Select(_ => budget.WaitAsync(TestContext.Current.CancellationToken).AsTask()).ToArray();
        Assert.True(await Eventually.CompletesAsync(calls[0]));

        budget.SetShare(100, 100); // 100 calls/s: the rest must not wait for their old slots (1, 2, 3 and 4 s away)
        // Fake time moves in 10 ms steps, each after a real pause for the woken waiters to take their new slots (a
        // loaded machine may need many steps), but stays short of the first old slot at 1 s, so only the repacing
        // can release them.
        var advanced = TimeSpan.Zero;
        while (!calls.All(c => c.IsCompleted) && advanced < TimeSpan.FromMilliseconds(900))
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
            _time.Advance(TimeSpan.FromMilliseconds(10));
            advanced += TimeSpan.FromMilliseconds(10);
            await Eventually.SettledAsync(Task.WhenAll(calls));
        }

        Assert.All(calls, c => Assert.True(c.IsCompleted));
    }

    [Fact]
    public void SetShare_NoPartitionCountKnown_UsesTheWholeRate()
    {
        var budget = new BankBudget(200, _time);
        budget.SetShare(0, 0);

        Assert.Equal(200, budget.Rate);
    }

    [Fact]
    public async Task PauseUntil_CallersAlreadyWaiting_AreHeldUntilThatTime()
    {
        var budget = new BankBudget(10, _time);
        await budget.WaitAsync(TestContext.Current.CancellationToken); // slot at 0
        var waiting = budget.WaitAsync(TestContext.Current.CancellationToken).AsTask(); // slot at 100 ms

        budget.PauseUntil(_time.GetUtcNow() + TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(await Eventually.SettledAsync(waiting));
        Assert.NotNull(budget.PausedUntil);

        _time.Advance(TimeSpan.FromMilliseconds(1899));
        Assert.False(await Eventually.SettledAsync(waiting));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await Eventually.CompletesAsync(waiting));
        Assert.Null(budget.PausedUntil);
    }

    [Fact]
    public async Task PauseUntil_NewCallers_WaitForThePauseThenArePaced()
    {
        var budget = new BankBudget(10, _time);
        budget.PauseUntil(_time.GetUtcNow() + TimeSpan.FromSeconds(1));
        var first = budget.WaitAsync(TestContext.Current.CancellationToken).AsTask();
        var second = budget.WaitAsync(TestContext.Current.CancellationToken).AsTask();

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await Eventually.CompletesAsync(first));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(await Eventually.CompletesAsync(second));
    }

    [Fact]
    public void PauseUntil_EarlierThanThePauseInForce_IsIgnored()
    {
        var budget = new BankBudget(10, _time);
        var later = _time.GetUtcNow() + TimeSpan.FromSeconds(5);
        budget.PauseUntil(later);

        budget.PauseUntil(_time.GetUtcNow() + TimeSpan.FromSeconds(1));

        Assert.Equal(later, budget.PausedUntil);
    }

    [Fact]
    public async Task WaitAsync_Cancelled_Throws()
    {
        var budget = new BankBudget(1, _time);
        await budget.WaitAsync(TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource();
        var waiting = budget.WaitAsync(cts.Token).AsTask();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
