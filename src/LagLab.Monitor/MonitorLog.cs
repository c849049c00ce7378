using Microsoft.Extensions.Logging;

namespace LagLab.Monitor;

/// <summary>Every log line the monitor writes, source-generated, with stable event ids. No line carries a secret.</summary>
internal static partial class MonitorLog
{
    [LoggerMessage(1, LogLevel.Information, "Monitor listening on {Url}, reading {BootstrapServers} every {Interval}, settings {Settings}")]
    public static partial void Started(ILogger logger, string url, string bootstrapServers, TimeSpan interval, string settings);

    [LoggerMessage(2, LogLevel.Warning, "Collection cycle failed: {Reason}")]
    public static partial void CycleFailed(ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Collection cycle abandoned after {Timeout}")]
    public static partial void CycleTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(4, LogLevel.Information, "Cluster readable again after {Failures} failed cycle(s)")]
    public static partial void Recovered(ILogger logger, long failures);

    [LoggerMessage(5, LogLevel.Debug, "Cycle: {Groups} groups, {Partitions} partitions in {Seconds:F3}s")]
    public static partial void CycleDone(ILogger logger, int groups, int partitions, double seconds);

    [LoggerMessage(6, LogLevel.Warning, "Alert notification to {Endpoint} failed ({Count} alerts, retried next cycle): {Reason}")]
    public static partial void NotifyFailed(ILogger logger, string endpoint, int count, string reason);

    [LoggerMessage(7, LogLevel.Debug, "Notified {Firing} firing and {Resolved} resolved alerts")]
    public static partial void Notified(ILogger logger, int firing, int resolved);

    [LoggerMessage(8, LogLevel.Warning, "Alert rule evaluation: {Error}")]
    public static partial void RuleFailed(ILogger logger, string error);

    [LoggerMessage(9, LogLevel.Debug, "Skipping a cycle: the abandoned one is still in flight")]
    public static partial void PreviousStillRunning(ILogger logger);

    [LoggerMessage(10, LogLevel.Debug, "Exact timestamp read failed for {Partition}@{Offset}: {Reason}")]
    public static partial void ExactReadFailed(ILogger logger, string partition, long offset, string reason);
}
