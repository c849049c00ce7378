using Microsoft.Extensions.Logging;

namespace LagLab.Broker.Logging;

/// <summary>Storage and topic administration log lines (event ids 100-149).</summary>
internal static partial class BrokerLog
{
    [LoggerMessage(100, LogLevel.Information, "Created topic {Topic} with {Partitions} partitions (internal: {IsInternal})")]
    public static partial void TopicCreated(ILogger logger, string topic, int partitions, bool isInternal);

    [LoggerMessage(101, LogLevel.Information, "Deleted topic {Topic}")]
    public static partial void TopicDeleted(ILogger logger, string topic);

    [LoggerMessage(102, LogLevel.Information, "Topic {Topic}: partitions increased from {From} to {To}")]
    public static partial void PartitionsAdded(ILogger logger, string topic, int from, int to);

    [LoggerMessage(103, LogLevel.Warning, "Recovered {Topic}-{Partition}: cut {Bytes} bytes of torn or corrupt tail; the log now ends at offset {Offset}")]
    public static partial void LogRecovered(ILogger logger, string topic, int partition, long bytes, long offset);

    [LoggerMessage(104, LogLevel.Information, "Retention deleted {Segments} segments of {Topic}-{Partition}; log start offset is now {LogStartOffset}")]
    public static partial void RetentionDeleted(ILogger logger, int segments, string topic, int partition, long logStartOffset);

    [LoggerMessage(105, LogLevel.Warning, "Removed {Directory}: it belongs to no known topic partition (left by an interrupted delete)")]
    public static partial void OrphanRemoved(ILogger logger, string directory);

    [LoggerMessage(106, LogLevel.Error, "Storage {Activity} failed; it will be retried")]
    public static partial void MaintenanceFailed(ILogger logger, Exception exception, string activity);

    [LoggerMessage(107, LogLevel.Information, "Loaded {Topics} topics, {Partitions} partitions from {DataDirectory} in {ElapsedMs} ms")]
    public static partial void LogsLoaded(ILogger logger, int topics, int partitions, string dataDirectory, long elapsedMs);
}
