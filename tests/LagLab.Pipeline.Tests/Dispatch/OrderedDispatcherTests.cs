using System.Collections.Concurrent;
using LagLab.Pipeline.Dispatch;

namespace LagLab.Pipeline.Tests.Dispatch;

public sealed class OrderedDispatcherTests
{
    private sealed record Item(string Account, int Sequence, int Partition = 0);

    [Fact]
    public async Task Enqueue_ManyAccounts_EachAccountRunsInOrder()
    {
        var seen = new ConcurrentDictionary<string, List<int>>();
        var dispatcher = new OrderedDispatcher<Item>(8, i => i.Account, async (item, ct) =>
        {
            await Task.Yield();
            var list = seen.GetOrAdd(item.Account, _ => []);
            lock (list)
            {
                list.Add(item.Sequence);
            }
        }, (_, ex) => throw ex);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = dispatcher.RunAsync(cts.Token);

        for (var seq = 1; seq <= 200; seq++)
        {
            for (var account = 0; account < 20; account++)
            {
                dispatcher.Enqueue(new Item($"acc-{account}", seq));
            }
        }
        await WaitForAsync(() => dispatcher.Pending == 0);
        await cts.CancelAsync();
        await run;

        Assert.Equal(20, seen.Count);
        Assert.All(seen.Values, list => Assert.Equal(Enumerable.Range(1, 200), list));
    }

    [Fact]
    public async Task Enqueue_OneAccount_NeverRunsTwoItemsAtOnce()
    {
        var running = 0;
        var maxRunning = 0;
        var dispatcher = new OrderedDispatcher<Item>(4, i => i.Account, async (item, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            await Task.Delay(1, ct);
            Interlocked.Decrement(ref running);
        }, (_, ex) => throw ex);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = dispatcher.RunAsync(cts.Token);

        for (var seq = 0; seq < 30; seq++)
        {
            dispatcher.Enqueue(new Item("only", seq));
        }
        await WaitForAsync(() => dispatcher.Pending == 0);
        await cts.CancelAsync();
        await run;

        Assert.Equal(1, maxRunning);
    }

    [Fact]
    public async Task Enqueue_FreeKeys_RunInArrivalOrderNotRoundRobin()
    {
        // Round-robin over keys would run a1 b1 c1 a2 b2 a3: a2 and a3 wait behind c1 although they came first.
        var ran = new ConcurrentQueue<string>();
        var dispatcher = new OrderedDispatcher<Item>(1, i => i.Account, (item, ct) =>
        {
            ran.Enqueue($"{item.Account}{item.Sequence}");
            return ValueTask.CompletedTask;
        }, (_, ex) => throw ex);
        string[] arrivals = ["a1", "a2", "b1", "a3", "c1", "b2"];
        foreach (var arrival in arrivals)
        {
            dispatcher.Enqueue(new Item(arrival[..1], arrival[1] - '0'));
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = dispatcher.RunAsync(cts.Token);

        await WaitForAsync(() => dispatcher.Pending == 0);
        await cts.CancelAsync();
        await run;

        Assert.Equal(arrivals, ran);
    }

    [Fact]
    public async Task Enqueue_BusyKey_OthersOvertakeItThenItResumesFirst()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ran = new ConcurrentQueue<string>();
        var dispatcher = new OrderedDispatcher<Item>(2, i => i.Account, async (item, ct) =>
        {
            if (item is { Account: "a", Sequence: 1 })
            {
                await gate.Task.WaitAsync(ct);
            }
            ran.Enqueue($"{item.Account}{item.Sequence}");
        }, (_, ex) => throw ex);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = dispatcher.RunAsync(cts.Token);

        dispatcher.Enqueue(new Item("a", 1));
        await WaitForAsync(() => dispatcher.InFlight == 1);
        dispatcher.Enqueue(new Item("a", 2));
        dispatcher.Enqueue(new Item("b", 1));
        dispatcher.Enqueue(new Item("b", 2));
        await WaitForAsync(() => ran.Count == 2); // b overtakes the busy a, in its own order
        gate.SetResult();
        await WaitForAsync(() => dispatcher.Pending == 0);
        await cts.CancelAsync();
        await run;

        Assert.Equal(["b1", "b2", "a1", "a2"], ran);
    }

    [Fact]
    public async Task Enqueue_MoreAccountsThanWorkers_RunsExactlyConcurrencyAtOnce()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var maxRunning = 0;
        var dispatcher = new OrderedDispatcher<Item>(6, i => i.Account, async (item, ct) =>
        {
            InterlockedMax(ref maxRunning, Interlocked.Increment(ref running));
            await gate.Task.WaitAsync(ct);
            Interlocked.Decrement(ref running);
        }, (_, ex) => throw ex);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = dispatcher.RunAsync(cts.Token);

        // Two partitions' worth of accounts, far more than partitions: concurrency is bounded by workers, not partitions.
        for (var account = 0; account < 40; account++)
        {
            dispatcher.Enqueue(new Item($"acc-{account}", 1, account % 2));
        }
        // Wait on the handlers themselves: InFlight counts an item before its handler has begun.
        await WaitForAsync(() => Volatile.Read(ref running) == 6);
        Assert.Equal(6, dispatcher.InFlight);
        Assert.Equal(34, dispatcher.Queued);
        Assert.Equal(40, dispatcher.Pending);

        gate.SetResult();
        await WaitForAsync(() => dispatcher.Pending == 0);
        await cts.CancelAsync();
        await run;
        Assert.Equal(6, maxRunning);
    }

    [Fact]
    public async Task RemoveQueued_RevokedPartition_RemovesOnlyItsQueuedItemsInOrder()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ran = new ConcurrentQueue<Item>();
        var dispatcher = new OrderedDispatcher<Item>(1, i => i.Account, async (item, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            ran.Enqueue(item);
        }, (_, ex) => throw ex);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = dispatcher.RunAsync(cts.Token);

        dispatcher.Enqueue(new Item("a", 1, Partition: 0));
        dispatcher.Enqueue(new Item("a", 2, Partition: 0));
        dispatcher.Enqueue(new Item("b", 1, Partition: 1));
        dispatcher.Enqueue(new Item("a", 3, Partition: 0));
        await WaitForAsync(() => dispatcher.InFlight == 1);

        var removed = dispatcher.RemoveQueued(i => i.Partition == 0);

        Assert.Equal([2, 3], removed.Select(i => i.Sequence));
        Assert.True(dispatcher.IsRunning(i => i.Partition == 0));
        gate.SetResult();
        Assert.True(await dispatcher.WaitUntilNotRunningAsync(i => i.Partition == 0, TestContext.Current.CancellationToken));
        await WaitForAsync(() => dispatcher.Pending == 0);
        await cts.CancelAsync();
        await run;
        Assert.Equal([("a", 1), ("b", 1)], ran.Select(i => (i.Account, i.Sequence)));
    }

    [Fact]
    public async Task WaitUntilNotRunningAsync_ItemNeverFinishes_ReturnsFalseWhenBoundExpires()
    {
        var dispatcher = new OrderedDispatcher<Item>(1, i => i.Account, (item, ct) => new ValueTask(Task.Delay(Timeout.Infinite, ct)), (_, _) => { });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = dispatcher.RunAsync(cts.Token);
        dispatcher.Enqueue(new Item("a", 1));
        await WaitForAsync(() => dispatcher.InFlight == 1);

        using var bound = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        Assert.False(await dispatcher.WaitUntilNotRunningAsync(_ => true, bound.Token));

        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Enqueue_PartitionBacklogsArriveAsBlocks_PartitionsTakeTurnsInOffsetOrder()
    {
        // After a restart each partition's backlog arrives as one block; in plain arrival order partition 2's first
        // record waited for all of partition 0's and 1's. With lanes they take turns, each lane in its own order.
        var ran = new ConcurrentQueue<string>();
        var dispatcher = new OrderedDispatcher<Item>(1, i => i.Account, (item, ct) =>
        {
            ran.Enqueue($"{item.Account}{item.Sequence}");
            return ValueTask.CompletedTask;
        }, (_, ex) => throw ex, i => i.Partition);
        foreach (var (account, partition) in new[] { ("a", 0), ("b", 0), ("c", 1), ("d", 1), ("e", 2), ("f", 2) })
        {
            for (var seq = 1; seq <= 2; seq++)
            {
                dispatcher.Enqueue(new Item(account, seq, partition));
            }
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = dispatcher.RunAsync(cts.Token);

        await WaitForAsync(() => dispatcher.Pending == 0);
        await cts.CancelAsync();
        await run;

        Assert.Equal(["a1", "c1", "e1", "a2", "c2", "e2", "b1", "d1", "f1", "b2", "d2", "f2"], ran);
    }

    [Fact]
    public async Task Enqueue_IdleLaneWakesUp_JoinsTheTurnWithoutJumpingAhead()
    {
        // Lane 1 was idle while lane 0 ran ahead: its new item goes next, but it gets no credit for the idle time.
        var ran = new ConcurrentQueue<string>();
        var gate = new SemaphoreSlim(0);
        var dispatcher = new OrderedDispatcher<Item>(1, i => i.Account, async (item, ct) =>
        {
            ran.Enqueue($"{item.Account}{item.Sequence}");
            if (item.Account == "a" && item.Sequence == 3)
            {
                await gate.WaitAsync(ct);
            }
        }, (_, ex) => throw ex, i => i.Partition);
        for (var seq = 1; seq <= 6; seq++)
        {
            dispatcher.Enqueue(new Item(seq <= 3 ? "a" : "b", seq, 0));
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = dispatcher.RunAsync(cts.Token);
        await WaitForAsync(() => ran.Count == 3);
        dispatcher.Enqueue(new Item("x", 1, 1));
        dispatcher.Enqueue(new Item("x", 2, 1));
        gate.Release();

        await WaitForAsync(() => dispatcher.Pending == 0);
        await cts.CancelAsync();
        await run;

        Assert.Equal(["a1", "a2", "a3", "x1", "b4", "x2", "b5", "b6"], ran);
    }

    [Fact]
    public async Task Handler_Throws_ReportsAndKeepsWorking()
    {
        var errors = new ConcurrentQueue<Item>();
        var done = 0;
        var dispatcher = new OrderedDispatcher<Item>(2, i => i.Account, (item, ct) =>
        {
            if (item.Sequence == 2)
            {
                throw new InvalidOperationException("boom");
            }
            Interlocked.Increment(ref done);
            return ValueTask.CompletedTask;
        }, (item, _) => errors.Enqueue(item));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = dispatcher.RunAsync(cts.Token);

        for (var seq = 1; seq <= 3; seq++)
        {
            dispatcher.Enqueue(new Item("a", seq));
        }
        await WaitForAsync(() => dispatcher.Pending == 0);
        await cts.CancelAsync();
        await run;

        Assert.Equal(2, Assert.Single(errors).Sequence);
        Assert.Equal(2, done);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(1, timeout.Token);
        }
    }
}
