using LagLab.Broker.Storage;

namespace LagLab.Broker.Topics;

/// <summary>
/// The effective configuration of one topic: broker defaults overlaid with the topic's own overrides.
/// Only the overrides are persisted, so a topic follows a changed broker default after a restart, as in Kafka.
/// </summary>
internal sealed record TopicConfig
{
    public long RetentionMs { get; init; }

    public long RetentionBytes { get; init; }

    public long SegmentBytes { get; init; }

    public string CleanupPolicy { get; init; } = TopicConfigs.DeletePolicy;

    public TimestampType TimestampType { get; init; }

    public int MaxMessageBytes { get; init; }

    /// <summary>Configs set on the topic itself, by name, as given.</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();

    public LogConfig ToLogConfig(long flushIntervalMessages) => new()
    {
        SegmentBytes = SegmentBytes,
        RetentionMs = RetentionMs,
        RetentionBytes = RetentionBytes,
        FlushIntervalMessages = flushIntervalMessages,
    };
}
