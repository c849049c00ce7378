using LagLab.Broker.Logging;
using Microsoft.Extensions.Logging;

namespace LagLab.Broker.Topics;

/// <summary>
/// The storage background work, run and awaited by the broker: a retention pass every
/// RetentionCheckInterval and, on disk when not every write is flushed already, an fsync every
/// FlushInterval. A failed pass is logged and retried at the next tick; it never stops the loop.
/// </summary>
internal sealed class LogMaintenance(TopicManager topics, BrokerOptions options, TimeProvider timeProvider, ILogger logger)
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var retention = RunPeriodicAsync(options.RetentionCheckInterval, () => topics.ApplyRetention(), "retention", cancellationToken);
        var flushNeeded = options.DataDirectory is not null && options.FlushIntervalMessages != 1;
        var flush = flushNeeded ? RunPeriodicAsync(options.FlushInterval, topics.FlushAll, "flush", cancellationToken) : Task.CompletedTask;
        return Task.WhenAll(retention, flush);
    }

    private async Task RunPeriodicAsync(TimeSpan period, Action pass, string activity, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(period, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    pass();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Supervised: a failed pass is logged and the next tick tries again.
                    BrokerLog.MaintenanceFailed(logger, ex, activity);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
