using System.Globalization;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Groups.Integration;

/// <summary>The broker as a real process on a data directory, SIGKILLed after a group committed: the offsets come back.</summary>
public sealed class GroupDurabilityTests
{
    private const int Records = 100;
    private const int ConsumedBefore = 60;

    [Fact]
    public async Task BrokerKilledAndRestarted_CommittedOffsetsAreRestoredAndConsumersResumeExactlyAfterThem()
    {
        using var dataDir = new TemporaryDirectory();
        var port = FreePort.Next();
        string[] arguments = ["broker", "--port", port.ToString(CultureInfo.InvariantCulture), "--data-dir", dataDir.Path, "--group-initial-rebalance-delay", "100"];
        var bootstrap = $"127.0.0.1:{port}";
        var topic = KafkaClients.UniqueTopic("durable");
        const string group = "durable-group";
        var first = new List<int>();
        List<TopicPartitionOffset> committedBefore;

        await using (var broker = LaglabProcess.Start(arguments))
        {
            await broker.WaitForLineAsync("ready", TimeSpan.FromSeconds(60));
            await KafkaClients.CreateTopicAsync(bootstrap, topic, 2);
            using (var producer = KafkaClients.Producer(bootstrap))
            {
                for (var i = 0; i < Records; i++)
                {
                    producer.Produce(new TopicPartition(topic, i % 2), new Message<byte[]?, byte[]?> { Value = BitConverter.GetBytes(i) });
                }
                producer.Flush(TimeSpan.FromSeconds(30));
            }
            using (var consumer = GroupConsumer(bootstrap, group))
            {
                consumer.Subscribe(topic);
                first.AddRange(Consume(consumer, ConsumedBefore, untilEnd: false));
                consumer.Commit();
                committedBefore = consumer.Committed(TimeSpan.FromSeconds(10));
                consumer.Close();
            }
            await broker.KillAsync();
        }

        await using var restarted = LaglabProcess.Start(arguments);
        await restarted.WaitForLineAsync("ready", TimeSpan.FromSeconds(60));
        using var admin = KafkaClients.Admin(bootstrap);
        var listed = (await admin.ListConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitions(group, null)])).Single();
        Assert.Equal(
            committedBefore.Select(p => (p.Partition.Value, p.Offset.Value)).Order(),
            listed.Partitions.Select(p => (p.Partition.Value, p.Offset.Value)).Order());
        Assert.Equal(ConsumedBefore, committedBefore.Sum(p => p.Offset.Value));

        using var resumed = GroupConsumer(bootstrap, group);
        resumed.Subscribe(topic);
        var second = Consume(resumed, Records - ConsumedBefore, untilEnd: true);
        resumed.Close();

        Assert.Empty(first.Intersect(second));
        Assert.Equal(Enumerable.Range(0, Records), first.Concat(second).Order());
    }

    private static IConsumer<byte[]?, byte[]?> GroupConsumer(string bootstrap, string group) =>
        new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = group,
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = true,
            SessionTimeoutMs = 6_000,
        }).Build();

    /// <summary>Reads <paramref name="count"/> records, then (when <paramref name="untilEnd"/>) on until both partitions report their end.</summary>
    private static List<int> Consume(IConsumer<byte[]?, byte[]?> consumer, int count, bool untilEnd)
    {
        var values = new List<int>();
        var atEnd = new HashSet<int>();
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (values.Count < count || (untilEnd && atEnd.Count < 2))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Read {values.Count} of {count} records; partitions at end: {atEnd.Count}.");
            }
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                continue;
            }
            if (result.IsPartitionEOF)
            {
                atEnd.Add(result.Partition.Value);
                continue;
            }
            atEnd.Remove(result.Partition.Value);
            values.Add(BitConverter.ToInt32(result.Message.Value));
            // Stop exactly at the count: the position of every partition is then right after the last record read.
            if (!untilEnd && values.Count == count)
            {
                break;
            }
        }
        return values;
    }
}
