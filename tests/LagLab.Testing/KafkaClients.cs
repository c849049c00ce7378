using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace LagLab.Testing;

/// <summary>Real Confluent.Kafka clients pointed at a bootstrap address, configured the way tests need them.</summary>
public static class KafkaClients
{
    /// <summary>A topic name no other test uses.</summary>
    public static string UniqueTopic(string prefix = "t") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];

    public static IProducer<byte[]?, byte[]?> Producer(string bootstrap, Action<ProducerConfig>? configure = null)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = bootstrap,
            LingerMs = 5,
            MessageTimeoutMs = 30_000,
            SocketTimeoutMs = 10_000,
        };
        configure?.Invoke(config);
        return new ProducerBuilder<byte[]?, byte[]?>(config).Build();
    }

    /// <summary>A consumer meant for Assign (no group management); a group id is still required by the client.</summary>
    public static IConsumer<byte[]?, byte[]?> AssignConsumer(string bootstrap, Action<ConsumerConfig>? configure = null)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "assign-only-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            SocketTimeoutMs = 10_000,
        };
        configure?.Invoke(config);
        return new ConsumerBuilder<byte[]?, byte[]?>(config).Build();
    }

    public static IAdminClient Admin(string bootstrap) =>
        new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap, SocketTimeoutMs = 10_000 }).Build();

    public static async Task CreateTopicAsync(string bootstrap, string topic, int partitions, Dictionary<string, string>? configs = null)
    {
        using var admin = Admin(bootstrap);
        await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = 1, Configs = configs }]);
    }

    /// <summary>Consumes from the given partitions from their beginning until <paramref name="count"/> records arrived or the timeout passed.</summary>
    public static List<ConsumeResult<byte[]?, byte[]?>> ConsumeAll(string bootstrap, string topic, int partitions, int count, TimeSpan timeout, Action<ConsumerConfig>? configure = null)
    {
        using var consumer = AssignConsumer(bootstrap, configure);
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var results = new List<ConsumeResult<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow + timeout;
        while (results.Count < count && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is not null && !result.IsPartitionEOF)
            {
                results.Add(result);
            }
        }
        consumer.Close();
        return results;
    }

    /// <summary>Consumes every partition from its beginning to its end (partition EOF on all), within the timeout.</summary>
    public static List<ConsumeResult<byte[]?, byte[]?>> ConsumeToEnd(string bootstrap, string topic, int partitions, TimeSpan timeout)
    {
        using var consumer = AssignConsumer(bootstrap, c => c.EnablePartitionEof = true);
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var results = new List<ConsumeResult<byte[]?, byte[]?>>();
        var atEnd = new HashSet<int>();
        var deadline = DateTime.UtcNow + timeout;
        while (atEnd.Count < partitions)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {atEnd.Count} of {partitions} partitions of {topic} reached their end within {timeout} ({results.Count} records read).");
            }
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                continue;
            }
            if (result.IsPartitionEOF)
            {
                atEnd.Add(result.Partition.Value);
            }
            else
            {
                atEnd.Remove(result.Partition.Value);
                results.Add(result);
            }
        }
        consumer.Close();
        return results;
    }
}
