namespace LagLab.Broker.Storage;

/// <summary>What one partition log needs to know: segment size, retention, and the flush policy.</summary>
internal sealed record LogConfig
{
    /// <summary>Bytes of log between two sparse index entries (Kafka's index.interval.bytes).</summary>
    public const int IndexIntervalBytes = 4096;

    public long SegmentBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>-1 keeps forever.</summary>
    public long RetentionMs { get; init; } = -1;

    /// <summary>-1 is unlimited.</summary>
    public long RetentionBytes { get; init; } = -1;

    /// <summary>fsync after this many messages; 1 means before every acknowledgement, 0 leaves it to the periodic flush.</summary>
    public long FlushIntervalMessages { get; init; }
}
