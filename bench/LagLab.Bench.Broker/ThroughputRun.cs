using System.Diagnostics;
using Confluent.Kafka;

namespace LagLab.Bench.Broker;

/// <summary>One produce pass and one consume pass of fixed-size records over 3 partitions with Confluent.Kafka.</summary>
internal static class ThroughputRun
{
    private const int Partitions = 3;

    public static async Task<ThroughputResult[]> RunAsync(string target, string bootstrap, int recordSize, int count)
    {
        var topic = $"bench-{recordSize}-{Guid.NewGuid():N}";
        await EnsureTopicAsync(bootstrap, topic);
        var produce = Produce(bootstrap, topic, recordSize, count);
        var consume = Consume(bootstrap, topic, count);
        return
        [
            new ThroughputResult(target, "produce", recordSize, count, produce),
            new ThroughputResult(target, "consume", recordSize, count, consume),
        ];
    }

    /// <summary>The mock has no CreateTopics; it auto-creates on first metadata request, so a warm-up produce does both.</summary>
    private static async Task EnsureTopicAsync(string bootstrap, string topic)
    {
        try
        {
            using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
            await admin.CreateTopicsAsync([new Confluent.Kafka.Admin.TopicSpecification { Name = topic, NumPartitions = Partitions, ReplicationFactor = 1 }]);
        }
        catch (KafkaException)
        {
            // The mock cluster answers CreateTopics with an error; its auto-created topics have enough partitions.
        }
    }

    private static TimeSpan Produce(string bootstrap, string topic, int recordSize, int count)
    {
        using var producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrap,
            Acks = Acks.Leader,
            LingerMs = 5,
            BatchSize = 1_000_000,
            QueueBufferingMaxMessages = 1_000_000,
            QueueBufferingMaxKbytes = 2_000_000,
        }).Build();
        var payload = new byte[recordSize];
        Random.Shared.NextBytes(payload);
        // Warm up the connection and metadata outside the timed part.
        producer.Produce(new TopicPartition(topic, 0), new Message<Null, byte[]> { Value = payload });
        producer.Flush(TimeSpan.FromSeconds(30));
        var failures = 0;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            while (true)
            {
                try
                {
                    producer.Produce(new TopicPartition(topic, i % Partitions), new Message<Null, byte[]> { Value = payload }, r =>
                    {
                        if (r.Error.IsError)
                        {
                            Interlocked.Increment(ref failures);
                        }
                    });
                    break;
                }
                catch (ProduceException<Null, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }
        if (producer.Flush(TimeSpan.FromMinutes(2)) != 0 || failures != 0)
        {
            throw new InvalidOperationException($"Produce to {bootstrap} failed for {failures} records.");
        }
        return stopwatch.Elapsed;
    }

    private static TimeSpan Consume(string bootstrap, string topic, int count)
    {
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "bench",
            EnableAutoCommit = false,
            FetchMaxBytes = 52_428_800,
            MaxPartitionFetchBytes = 1_048_576,
        }).Build();
        // Offset 1 on partition 0 skips the warm-up record, so exactly `count` records are timed.
        consumer.Assign(Enumerable.Range(0, Partitions).Select(p => new TopicPartitionOffset(topic, p, p == 0 ? 1 : 0)));
        var received = 0;
        var stopwatch = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (received < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Consumed only {received} of {count} records from {bootstrap}.");
            }
            var result = consumer.Consume(TimeSpan.FromMilliseconds(500));
            if (result is not null)
            {
                received++;
            }
        }
        var elapsed = stopwatch.Elapsed;
        consumer.Close();
        return elapsed;
    }
}
