using LagLab.Protocol;

namespace LagLab.Broker;

/// <summary>Everything the embedded broker can be told at start. Defaults live here and nowhere else.</summary>
public sealed class BrokerOptions
{
    public const int DefaultPort = 9092;

    /// <summary>Address to bind. Loopback unless told otherwise.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Port to bind; 0 picks a free port (the in-process API reads it back).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Host name put into Metadata and FindCoordinator; defaults to <see cref="Host"/>.</summary>
    public string? AdvertisedHost { get; set; }

    /// <summary>Directory for log segments and broker state; null means in memory.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// When <c>topics.json</c> is missing or unreadable but partition folders hold records: rebuild it from
    /// the folders (new topic ids, configs at the broker defaults) instead of refusing to start.
    /// </summary>
    public bool RebuildTopicMetadata { get; set; }

    public int NodeId { get; set; } = 1;

    public int DefaultPartitions { get; set; } = 1;

    public bool AutoCreateTopics { get; set; } = true;

    public int MaxRequestSize { get; set; } = Frame.DefaultMaxRequestSize;

    /// <summary>
    /// Kafka's queued.max.request.bytes: bytes of requests being read or handled, across all connections.
    /// A connection whose next request would pass it stops being read until others are done (back-pressure,
    /// not an error), so memory stays bounded whatever clients send. At least <see cref="MaxRequestSize"/>.
    /// </summary>
    public long QueuedMaxRequestBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// Partitions of all user topics together (internal topics are not refused). Twice the per-topic maximum,
    /// so one topic of the largest size fits beside others; each partition costs memory, file handles when
    /// written and a line in every full Metadata answer, and beyond this a single node serves no useful test.
    /// </summary>
    public int MaxBrokerPartitions { get; set; } = 20_000;

    /// <summary>
    /// Segment files (logs and the active segments' indexes) open at once; the least recently used are closed
    /// and reopened on demand. Well below the usual descriptor limits (1,024 soft on many systems), leaving
    /// room for client sockets; busy partitions keep theirs open.
    /// </summary>
    public int MaxOpenSegmentFiles { get; set; } = 512;

    /// <summary>Largest record batch accepted by Produce (Kafka's message.max.bytes default).</summary>
    public int MaxMessageBytes { get; set; } = 1_048_588;

    /// <summary>Default segment size (Kafka's log.segment.bytes is 1 GiB; smaller keeps retention responsive here).</summary>
    public long SegmentBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Default retention by time; -1 keeps forever (Kafka's default is 7 days).</summary>
    public long RetentionMs { get; set; } = 7L * 24 * 60 * 60 * 1000;

    /// <summary>Default retention by size per partition; -1 is unlimited.</summary>
    public long RetentionBytes { get; set; } = -1;

    /// <summary>How often retention runs.</summary>
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Flush policy: fsync after this many appended messages (1 = every acknowledged write is on disk
    /// before the response; 0 = leave it to the OS page cache and the periodic flush).
    /// </summary>
    public long FlushIntervalMessages { get; set; } = 1;

    /// <summary>Periodic flush when <see cref="FlushIntervalMessages"/> is not every write.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Smallest session timeout a group member may ask for (Kafka's group.min.session.timeout.ms).</summary>
    public int GroupMinSessionTimeoutMs { get; set; } = 6_000;

    /// <summary>Largest session timeout a group member may ask for (Kafka's group.max.session.timeout.ms).</summary>
    public int GroupMaxSessionTimeoutMs { get; set; } = 1_800_000;

    /// <summary>
    /// How long the first rebalance of an empty group waits for more members (Kafka's
    /// group.initial.rebalance.delay.ms); each newcomer extends it, up to the rebalance timeout.
    /// </summary>
    public int GroupInitialRebalanceDelayMs { get; set; } = 3_000;

    /// <summary>The address <see cref="Host"/> names ("localhost" is loopback); valid after <see cref="Validate"/>.</summary>
    internal System.Net.IPAddress BindAddress => Host == "localhost" ? System.Net.IPAddress.Loopback : System.Net.IPAddress.Parse(Host);

    public string EffectiveAdvertisedHost => AdvertisedHost ?? (Host is "0.0.0.0" or "::" ? "127.0.0.1" : Host);

    /// <summary>Fails fast with a message that names the option.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("--host must not be empty.");
        }
        if (Host != "localhost" && !System.Net.IPAddress.TryParse(Host, out _))
        {
            throw new ArgumentException($"--host must be an IP address to bind (or localhost), got '{Host}'.");
        }
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"--port must be between 0 and 65535, got {Port}.");
        }
        if (DefaultPartitions is < 1 or > 10_000)
        {
            throw new ArgumentException($"--default-partitions must be between 1 and 10000, got {DefaultPartitions}.");
        }
        if (MaxRequestSize < 1024)
        {
            throw new ArgumentException($"--max-request-size must be at least 1024 bytes, got {MaxRequestSize}.");
        }
        if (QueuedMaxRequestBytes < MaxRequestSize)
        {
            throw new ArgumentException($"--queued-max-request-bytes ({QueuedMaxRequestBytes}) must be at least --max-request-size ({MaxRequestSize}), so every accepted request can be read.");
        }
        if (MaxBrokerPartitions < 1)
        {
            throw new ArgumentException($"--max-broker-partitions must be at least 1, got {MaxBrokerPartitions}.");
        }
        if (MaxOpenSegmentFiles < 3)
        {
            throw new ArgumentException($"--max-open-segment-files must be at least 3 (one active segment's files), got {MaxOpenSegmentFiles}.");
        }
        if (SegmentBytes < 1024)
        {
            throw new ArgumentException($"--segment-bytes must be at least 1024, got {SegmentBytes}.");
        }
        if (SegmentBytes > int.MaxValue)
        {
            throw new ArgumentException($"--segment-bytes must be at most {int.MaxValue}, got {SegmentBytes}.");
        }
        if (FlushIntervalMessages < 0)
        {
            throw new ArgumentException($"--flush-messages must be 0 or more, got {FlushIntervalMessages}.");
        }
        if (GroupMinSessionTimeoutMs < 1)
        {
            throw new ArgumentException($"--group-min-session-timeout must be at least 1 ms, got {GroupMinSessionTimeoutMs}.");
        }
        if (GroupMaxSessionTimeoutMs < GroupMinSessionTimeoutMs)
        {
            throw new ArgumentException($"--group-max-session-timeout ({GroupMaxSessionTimeoutMs}) must not be below --group-min-session-timeout ({GroupMinSessionTimeoutMs}).");
        }
        if (GroupInitialRebalanceDelayMs < 0)
        {
            throw new ArgumentException($"--group-initial-rebalance-delay must be 0 or more, got {GroupInitialRebalanceDelayMs}.");
        }
        if (MaxMessageBytes < 1)
        {
            throw new ArgumentException($"MaxMessageBytes must be at least 1, got {MaxMessageBytes}.");
        }
        if (RetentionMs < -1)
        {
            throw new ArgumentException($"--retention-ms must be -1 (forever) or more, got {RetentionMs}.");
        }
        if (RetentionBytes < -1)
        {
            throw new ArgumentException($"RetentionBytes must be -1 (unlimited) or more, got {RetentionBytes}.");
        }
        if (RetentionCheckInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"RetentionCheckInterval must be positive, got {RetentionCheckInterval}.");
        }
        if (FlushInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"FlushInterval must be positive, got {FlushInterval}.");
        }
    }
}
