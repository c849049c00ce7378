using LagLab.LoadTest.Parts;
using LagLab.Scenarios;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.LoadTest.Tests.Parts;

/// <summary>The fleet's restart policy on a fake clock: when a crashed instance is started again, and when not.</summary>
public sealed class CrashRestarterTests
{
    private static readonly FleetSpec OnFailure = new() { RestartPolicy = RestartPolicy.OnFailure, RestartBackoff = TimeSpan.FromSeconds(10), RestartBackoffMax = TimeSpan.FromMinutes(5) };

    [Fact]
    public async Task OnCrash_PolicyNever_LeavesTheInstanceDown()
    {
        var time = new FakeTimeProvider();
        var restarts = 0;
        await using var restarter = new CrashRestarter(new FleetSpec(), time, (_, ex) => throw ex);

        var then = restarter.OnCrash(0, TimeSpan.FromSeconds(5), _ => { restarts++; return Task.CompletedTask; });
        time.Advance(TimeSpan.FromHours(1));
        await restarter.StopAsync();

        Assert.Equal(0, restarts);
        Assert.Contains("restart_policy: never", then, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnCrash_OnFailure_RestartsAfterTheBackoffAndNotBefore()
    {
        var time = new FakeTimeProvider();
        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var restarter = new CrashRestarter(OnFailure, time, (_, ex) => restarted.TrySetException(ex));

        var then = restarter.OnCrash(1, TimeSpan.FromSeconds(5), _ => { restarted.TrySetResult(); return Task.CompletedTask; });
        time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Assert.False(restarted.Task.IsCompleted);
        time.Advance(TimeSpan.FromTicks(1));

        await restarted.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Contains("10s back-off", then, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnCrash_SecondCrashInARow_WaitsTwiceAsLong()
    {
        var time = new FakeTimeProvider();
        await using var restarter = new CrashRestarter(OnFailure, time, (_, _) => { });

        restarter.OnCrash(0, TimeSpan.Zero, _ => Task.CompletedTask);
        var then = restarter.OnCrash(0, TimeSpan.FromSeconds(1), _ => Task.CompletedTask);
        var otherInstance = restarter.OnCrash(1, TimeSpan.FromSeconds(1), _ => Task.CompletedTask);

        Assert.Contains("20s back-off", then, StringComparison.Ordinal);
        Assert.Contains("crash 2 in a row", then, StringComparison.Ordinal);
        Assert.Contains("10s back-off", otherInstance, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopAsync_DuringTheBackoff_NeverRestarts()
    {
        var time = new FakeTimeProvider();
        var restarts = 0;
        var restarter = new CrashRestarter(OnFailure, time, (_, ex) => throw ex);
        restarter.OnCrash(0, TimeSpan.Zero, _ => { restarts++; return Task.CompletedTask; });

        await restarter.DisposeAsync();
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, restarts);
    }

    [Fact]
    public async Task OnCrash_RestartThatFails_IsReportedWithTheInstance()
    {
        var time = new FakeTimeProvider();
        var failed = new TaskCompletionSource<(int, Exception)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var restarter = new CrashRestarter(OnFailure, time, (instance, ex) => failed.TrySetResult((instance, ex)));

        restarter.OnCrash(2, TimeSpan.Zero, _ => throw new InvalidOperationException("not ready"));
        time.Advance(TimeSpan.FromSeconds(10));

        var (instance, error) = await failed.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(2, instance);
        Assert.Equal("not ready", error.Message);
    }
}
