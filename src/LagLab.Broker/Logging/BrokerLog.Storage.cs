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

    [LoggerMessage(105, LogLevel.Warning, "Removed {Directory}: left by an interrupted topic delete or create (it held no record)")]
    public static partial void OrphanRemoved(ILogger logger, string directory);

    [LoggerMessage(106, LogLevel.Error, "Storage {Activity} failed; it will be retried")]
    public static partial void MaintenanceFailed(ILogger logger, Exception exception, string activity);

    [LoggerMessage(107, LogLevel.Information, "Loaded {Topics} topics, {Partitions} partitions from {DataDirectory} in {ElapsedMs} ms")]
    public static partial void LogsLoaded(ILogger logger, int topics, int partitions, string dataDirectory, long elapsedMs);

    [LoggerMessage(108, LogLevel.Warning, "Kept {Directory}: no topic in {TopicsFile} owns it but it holds records; it is not served. Move it away, or rebuild the metadata with --rebuild-topic-metadata")]
    public static partial void OrphanKept(ILogger logger, string directory, string topicsFile);

    [LoggerMessage(109, LogLevel.Warning, "Rebuilt {TopicsFile} from the partition folders: {Topics} topics, {Partitions} partitions (new topic ids, configs at broker defaults)")]
    public static partial void TopicMetadataRebuilt(ILogger logger, string topicsFile, int topics, int partitions);

    [LoggerMessage(110, LogLevel.Warning, "A new partition's folder {Directory} already existed; it was moved to {MovedTo}")]
    public static partial void StaleDirectorySetAside(ILogger logger, string directory, string movedTo);

    [LoggerMessage(111, LogLevel.Error, "Creating {Topic} ({Partitions} partitions) failed; everything it had made was removed")]
    public static partial void CreateFailed(ILogger logger, Exception exception, string topic, int partitions);

    [LoggerMessage(112, LogLevel.Error, "{Topic}-{Partition}: damaged batch in {Segment} at byte {Position} ({Reason}); fetches over it get CORRUPT_MESSAGE. Run laglab broker --verify, then --repair, on the stopped broker's data directory")]
    public static partial void CorruptBatch(ILogger logger, string topic, int partition, string segment, long position, string reason);
}
