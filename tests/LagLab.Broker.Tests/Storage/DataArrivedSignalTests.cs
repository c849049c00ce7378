using LagLab.Broker.Storage;

namespace LagLab.Broker.Tests.Storage;

public sealed class DataArrivedSignalTests
{
    [Fact]
    public async Task NextAsync_BeforeNotify_CompletesOnNotify()
    {
        var signal = new DataArrivedSignal();
        var waiting = signal.NextAsync();

        Assert.False(waiting.IsCompleted);
        signal.Notify();

        await waiting.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public void NextAsync_AfterNotify_WaitsForTheNextOne()
    {
        var signal = new DataArrivedSignal();
        signal.NextAsync();
        signal.Notify();

        var next = signal.NextAsync();

        Assert.False(next.IsCompleted);
    }

    [Fact]
    public async Task NextAsync_TwoWaiters_ShareOneCompletion()
    {
        var signal = new DataArrivedSignal();

        var first = signal.NextAsync();
        var second = signal.NextAsync();
        signal.Notify();

        Assert.Same(first, second);
        await first.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }
}
