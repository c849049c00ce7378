using Microsoft.Extensions.Logging;

namespace LagLab.Pipeline.Logging;

/// <summary>Every log line the pipeline writes, source-generated, with stable event ids.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(1, LogLevel.Information, "Pipeline {Instance} consuming {Topic} as group {Group} (assignor {Assignor}, mode {Mode}, buffer {Buffer}, concurrency {Concurrency}, bank {BankUrl} at {Rate}/s)")]
    public static partial void Started(ILogger logger, string instance, string topic, string group, string assignor, string mode, string buffer, int concurrency, string bankUrl, double rate);

    [LoggerMessage(2, LogLevel.Information, "Partitions {Change} {Partitions}; now own {Owned}")]
    public static partial void Ownership(ILogger logger, string change, string partitions, string owned);

    [LoggerMessage(3, LogLevel.Information, "Revoked {Partitions}: {Dropped} queued events left to the next owner, {Abandoned} abandoned in flight, committed {Committed}")]
    public static partial void Revoked(ILogger logger, string partitions, int dropped, int abandoned, string committed);

    [LoggerMessage(4, LogLevel.Warning, "Lost {Partitions}: nothing committed, {Dropped} queued events dropped")]
    public static partial void Lost(ILogger logger, string partitions, int dropped);

    [LoggerMessage(5, LogLevel.Debug, "Abandoned {Item}: its partition was taken away")]
    public static partial void Abandoned(ILogger logger, string item);

    [LoggerMessage(6, LogLevel.Warning, "Malformed record at {Topic}[{Partition}]@{Offset} sent to the dead-letter topic: {Reason}")]
    public static partial void Malformed(ILogger logger, string topic, int partition, long offset, string reason);

    [LoggerMessage(7, LogLevel.Warning, "Commit failed: {Reason}")]
    public static partial void CommitFailed(ILogger logger, string reason);

    [LoggerMessage(8, LogLevel.Information, "Back-pressure: {Pending} events pending, {Action} {Count} partitions")]
    public static partial void Flow(ILogger logger, int pending, string action, int count);

    [LoggerMessage(9, LogLevel.Warning, "Circuit breaker {State}")]
    public static partial void Breaker(ILogger logger, string state);

    [LoggerMessage(10, LogLevel.Critical, "Stopping on an unexpected failure while {Activity}")]
    public static partial void Failed(ILogger logger, Exception? exception, string activity);

    [LoggerMessage(11, LogLevel.Information, "Handed back {Count} spooled events of {Partition} to Kafka (commit rewound to {Offset})")]
    public static partial void HandedBack(ILogger logger, int count, string partition, long offset);

    [LoggerMessage(12, LogLevel.Information, "Shutting down: {Queued} queued events left to Kafka, waiting up to {Bound} for {InFlight} in flight")]
    public static partial void Draining(ILogger logger, int queued, TimeSpan bound, int inFlight);

    [LoggerMessage(13, LogLevel.Information, "Stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(14, LogLevel.Warning, "Kafka: {Reason}")]
    public static partial void KafkaError(ILogger logger, string reason);

    [LoggerMessage(15, LogLevel.Information, "Spool at {Directory} holds {Depth} events from before this start; replaying them first")]
    public static partial void SpoolRecovered(ILogger logger, string directory, int depth);

    [LoggerMessage(16, LogLevel.Error, "Publishing to {Topic} failed: {Reason}")]
    public static partial void PublishFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(17, LogLevel.Information, "Serving metrics on http://{Endpoint}/metrics")]
    public static partial void MetricsListening(ILogger logger, string endpoint);

    [LoggerMessage(18, LogLevel.Information, "Redelivery on {Partition}: offset {Offset} delivered again after {LastTaken} was taken ({Outcome}); later redeliveries of this run are logged at debug level")]
    public static partial void RedeliveryStarted(ILogger logger, string partition, long offset, long lastTaken, string outcome);

    [LoggerMessage(19, LogLevel.Debug, "Redelivered {Partition}@{Offset}: {Outcome}")]
    public static partial void Redelivered(ILogger logger, string partition, long offset, string outcome);
}
