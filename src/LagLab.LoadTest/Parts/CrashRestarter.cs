using LagLab.Scenarios;

namespace LagLab.LoadTest.Parts;

/// <summary>
/// The fleet's restart policy, as an orchestrator applies it: with <c>on-failure</c> a crashed instance is started
/// again after its back-off (<see cref="RestartBackoff"/>, one per instance); with <c>never</c> it stays down. The
/// crash has already been recorded as an unexpected exit either way: a restart keeps the run going, it does not
/// excuse the crash. Pending restarts are awaited (or cancelled) on dispose.
/// </summary>
internal sealed class CrashRestarter(FleetSpec fleet, TimeProvider time, Action<int, Exception> onRestartFailed) : IAsyncDisposable
{
    private readonly Dictionary<int, RestartBackoff> _backoffs = [];
    private readonly List<Task> _pending = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();

    /// <summary>
    /// Instance <paramref name="instance"/> crashed after running <paramref name="ranFor"/>: schedules
    /// <paramref name="restart"/> after the back-off (on-failure) and returns what happens, for the record.
    /// </summary>
    public string OnCrash(int instance, TimeSpan ranFor, Func<CancellationToken, Task> restart)
    {
        if (fleet.RestartPolicy == RestartPolicy.Never)
        {
            return "left down (restart_policy: never)";
        }
        lock (_lock)
        {
            if (_stop.IsCancellationRequested)
            {
                return "not restarted: the run is stopping";
            }
            if (!_backoffs.TryGetValue(instance, out var backoff))
            {
                backoff = new RestartBackoff(fleet.RestartBackoff, fleet.RestartBackoffMax);
                _backoffs[instance] = backoff;
            }
            var delay = backoff.Next(ranFor);
            _pending.Add(RestartLaterAsync(instance, delay, restart));
            return $"restart scheduled after a {Duration.Format(delay)} back-off (restart_policy: on-failure, crash {backoff.CrashesInARow} in a row)";
        }
    }

    private async Task RestartLaterAsync(int instance, TimeSpan delay, Func<CancellationToken, Task> restart)
    {
        try
        {
            await Task.Delay(delay, time, _stop.Token);
            await restart(_stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The run ended before the back-off did.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            onRestartFailed(instance, ex);
        }
    }

    /// <summary>No restart after this: the run is stopping.</summary>
    public async Task StopAsync()
    {
        Task[] pending;
        lock (_lock)
        {
            _stop.Cancel();
            pending = [.. _pending];
        }
        await Task.WhenAll(pending);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
