using Confluent.Kafka;
using LagLab.Contracts;

namespace LagLab.Monitor.Collection;

/// <summary>
/// The librdkafka configuration every monitor client gets: bootstrap servers plus the user's -X settings.
/// <see cref="Describe"/> is the only way settings reach a log line, and it masks secrets (<see cref="KafkaSecretSettings"/>).
/// </summary>
internal static class KafkaSettings
{
    public static string Describe(IEnumerable<KeyValuePair<string, string>> settings) => KafkaSecretSettings.Describe(settings);

    public static AdminClientConfig Admin(MonitorOptions options)
    {
        var config = new AdminClientConfig(Settings(options)) { BootstrapServers = options.BootstrapServers };
        return config;
    }

    public static ConsumerConfig Consumer(MonitorOptions options) => new(Settings(options))
    {
        BootstrapServers = options.BootstrapServers,
        GroupId = "laglab-monitor-timestamps", // required by the client; never joined, never committed
        EnableAutoCommit = false,
        EnableAutoOffsetStore = false,
        AutoOffsetReset = AutoOffsetReset.Error,
        IsolationLevel = ReadCommitted(options) ? IsolationLevel.ReadCommitted : IsolationLevel.ReadUncommitted,
        FetchMaxBytes = 1024 * 1024,
        MaxPartitionFetchBytes = 256 * 1024,
    };

    /// <summary>End offsets are last stable offsets when asked for by option or by -X isolation.level=read_committed.</summary>
    public static bool ReadCommitted(MonitorOptions options) =>
        options.ReadCommitted
        || (options.KafkaSettings.TryGetValue("isolation.level", out var level) && level == "read_committed");

    private static Dictionary<string, string> Settings(MonitorOptions options)
    {
        var settings = new Dictionary<string, string>(options.KafkaSettings, StringComparer.Ordinal)
        {
            ["client.id"] = options.KafkaSettings.TryGetValue("client.id", out var id) ? id : "laglab-monitor",
        };
        // A consumer-only setting would make the admin client warn; ReadCommitted() reads it instead.
        settings.Remove("isolation.level");
        return settings;
    }
}
