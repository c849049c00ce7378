using LagLab.Monitor.Alerting;
using LagLab.Monitor.Analysis;
using LagLab.Monitor.Collection;
using LagLab.Monitor.Exposition;
using Microsoft.Extensions.Logging;

namespace LagLab.Monitor;

/// <summary>
/// One cycle per interval, never two at once: read the cluster, analyze, publish, evaluate alerts,
/// notify. A cycle that exceeds its timeout is abandoned (its result discarded, counted), and no new
/// cycle starts while its requests are still in flight. A failed cycle sets the monitor down, drops
/// every lag series from /metrics, and the next successful one brings them back.
/// </summary>
internal sealed class CollectionLoop(
    IClusterReader reader,
    LagAnalyzer analyzer,
    MonitorState state,
    AlertEngine? engine,
    AlertmanagerNotifier? notifier,
    MonitorOptions options,
    TimeProvider time,
    ILogger logger)
{
    private Task? _abandoned;
    private long _timeouts;
    private long _failures;
    private long _failuresSinceSuccess;
    private DateTimeOffset? _lastSuccess;
    private double _lastDuration;
    private string? _lastError = "no collection cycle has completed yet";

    public long Cycles { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            try
            {
                // A stop can land in the alert notification too; it ends the loop, it is not a failure.
                await RunCycleAsync(cancellationToken);
                var wait = options.Interval - time.GetElapsedTime(started);
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }
        // The owner disposes the Kafka clients as soon as this returns: a read still inside librdkafka (a
        // blocking metadata call, a consume) would then run on a destroyed handle, a native crash.
        if (_abandoned is { } abandoned)
        {
            await abandoned.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>Whether an abandoned (timed-out or stopped) cycle's read is still running.</summary>
    internal bool AbandonedInFlight => _abandoned is { IsCompleted: false };

    public async Task RunCycleAsync(CancellationToken cancellationToken)
    {
        if (_abandoned is { IsCompleted: false })
        {
            MonitorLog.PreviousStillRunning(logger);
            return;
        }
        _abandoned = null;
        Cycles++;
        var started = time.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = CollectAsync(timeout.Token);
        MonitorView? view = null;
        try
        {
            view = await work.WaitAsync(options.EffectiveCycleTimeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            await timeout.CancelAsync();
            _abandoned = work;
            _timeouts++;
            _lastError = $"cycle exceeded its timeout of {options.EffectiveCycleTimeout}";
            MonitorLog.CycleTimedOut(logger, options.EffectiveCycleTimeout);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the read may not have noticed yet (a blocking metadata call cannot be interrupted).
            // RunAsync waits for it before the owner disposes the clients.
            _abandoned = work;
            return;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _lastError = ex.Message;
            MonitorLog.CycleFailed(logger, ex.Message);
        }
        _lastDuration = time.GetElapsedTime(started).TotalSeconds;
        if (view is null)
        {
            _failures++;
            _failuresSinceSuccess++;
        }
        else
        {
            if (_failuresSinceSuccess > 0 && _lastSuccess is not null)
            {
                MonitorLog.Recovered(logger, _failuresSinceSuccess);
            }
            _failuresSinceSuccess = 0;
            _lastSuccess = view.Time;
            _lastError = null;
            MonitorLog.CycleDone(logger, view.Groups.Count, view.Partitions.Count, _lastDuration);
        }
        var health = new MonitorHealth(view is not null, _lastDuration, _lastSuccess, _timeouts, _failures - _timeouts, _lastError);
        var samples = state.Publish(view ?? state.View, health);
        await EvaluateAlertsAsync(samples, holdMissing: view is null, cancellationToken);
    }

    private async Task<MonitorView> CollectAsync(CancellationToken cancellationToken)
    {
        var snapshot = await reader.ReadAsync(cancellationToken);
        return await analyzer.AnalyzeAsync(snapshot, cancellationToken);
    }

    private async Task EvaluateAlertsAsync(SampleSet samples, bool holdMissing, CancellationToken cancellationToken)
    {
        if (engine is null)
        {
            return;
        }
        foreach (var error in engine.Evaluate(samples, time.GetUtcNow(), holdMissing))
        {
            MonitorLog.RuleFailed(logger, error);
        }
        if (notifier is not null)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.EffectiveCycleTimeout);
            try
            {
                await notifier.NotifyAsync(engine, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // a slow receiver costs at most one cycle timeout; the alerts go out next time
            }
        }
    }
}
