using System.Globalization;

namespace LagLab.Broker.Topics;

/// <summary>
/// The topic configs this broker supports and their validation. Every error names the config and the
/// value, in Kafka's words where Kafka has them.
/// </summary>
internal static class TopicConfigs
{
    public const string RetentionMs = "retention.ms";
    public const string RetentionBytes = "retention.bytes";
    public const string SegmentBytes = "segment.bytes";
    public const string CleanupPolicy = "cleanup.policy";
    public const string MessageTimestampType = "message.timestamp.type";
    public const string MaxMessageBytes = "max.message.bytes";
    public const string DeletePolicy = "delete";

    /// <summary>Kafka's lower bound for segment.bytes (the overhead of one legacy record).</summary>
    private const long MinSegmentBytes = 14;

    public static IReadOnlyList<TopicConfigDefinition> All { get; } =
    [
        new(RetentionMs, "log.retention.ms", o => Invariant(o.RetentionMs),
            (c, v) => ParseLong(RetentionMs, v, -1, long.MaxValue) is var (n, e) && e is null ? (c with { RetentionMs = n }, null) : (null, e)),
        new(RetentionBytes, "log.retention.bytes", o => Invariant(o.RetentionBytes),
            (c, v) => ParseLong(RetentionBytes, v, -1, long.MaxValue) is var (n, e) && e is null ? (c with { RetentionBytes = n }, null) : (null, e)),
        new(SegmentBytes, "log.segment.bytes", o => Invariant(o.SegmentBytes),
            (c, v) => ParseLong(SegmentBytes, v, MinSegmentBytes, int.MaxValue) is var (n, e) && e is null ? (c with { SegmentBytes = n }, null) : (null, e)),
        new(CleanupPolicy, "log.cleanup.policy", _ => DeletePolicy,
            (c, v) => v == DeletePolicy ? (c with { CleanupPolicy = v }, null) : (null, $"Invalid value {v} for configuration {CleanupPolicy}: only 'delete' is supported by this broker (no compaction).")),
        new(MessageTimestampType, "log.message.timestamp.type", _ => nameof(TimestampType.CreateTime),
            (c, v) => v switch
            {
                nameof(TimestampType.CreateTime) => (c with { TimestampType = TimestampType.CreateTime }, null),
                nameof(TimestampType.LogAppendTime) => (c with { TimestampType = TimestampType.LogAppendTime }, null),
                _ => (null, $"Invalid value {v} for configuration {MessageTimestampType}: String must be one of: CreateTime, LogAppendTime"),
            }),
        new(MaxMessageBytes, "message.max.bytes", o => Invariant(o.MaxMessageBytes),
            (c, v) => ParseLong(MaxMessageBytes, v, 0, int.MaxValue) is var (n, e) && e is null ? (c with { MaxMessageBytes = (int)n }, null) : (null, e)),
    ];

    private static readonly Dictionary<string, TopicConfigDefinition> ByName = All.ToDictionary(d => d.Name);

    public static bool TryGet(string name, out TopicConfigDefinition definition) => ByName.TryGetValue(name, out definition!);

    /// <summary>The broker defaults with no overrides.</summary>
    public static TopicConfig Defaults(BrokerOptions options) => new()
    {
        RetentionMs = options.RetentionMs,
        RetentionBytes = options.RetentionBytes,
        SegmentBytes = options.SegmentBytes,
        MaxMessageBytes = options.MaxMessageBytes,
    };

    /// <summary>Validates <paramref name="overrides"/> over the broker defaults; on failure the error names the config.</summary>
    public static bool TryCreate(BrokerOptions options, IEnumerable<KeyValuePair<string, string?>> overrides, out TopicConfig config, out string? error)
    {
        config = Defaults(options);
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in overrides)
        {
            if (!ByName.TryGetValue(name, out var definition))
            {
                error = $"Unknown topic config name: {name}. Supported: {string.Join(", ", All.Select(d => d.Name))}.";
                return false;
            }
            if (value is null)
            {
                error = $"Null value not supported for topic configs: {name}";
                return false;
            }
            var (applied, applyError) = definition.Apply(config, value);
            if (applied is null)
            {
                error = applyError;
                return false;
            }
            config = applied;
            kept[name] = value;
        }
        config = config with { Overrides = kept };
        error = null;
        return true;
    }

    private static (long Value, string? Error) ParseLong(string name, string value, long min, long max)
    {
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return (0, $"Invalid value {value} for configuration {name}: Not a number of type LONG");
        }
        if (number < min || number > max)
        {
            return (0, $"Invalid value {value} for configuration {name}: Value must be between {min} and {max}");
        }
        return (number, null);
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
