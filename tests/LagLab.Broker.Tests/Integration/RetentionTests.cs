using Confluent.Kafka;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Integration;

/// <summary>Retention removes whole old segments and moves the earliest offset, as seen by a real client.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task RetentionBytes_OldSegmentsRemoved_EarliestOffsetAdvances()
    {
        using var dataDir = new TemporaryDirectory();
        await using var broker = await TestBroker.StartAsync(o =>
        {
            o.DataDirectory = dataDir.Path;
            o.RetentionCheckInterval = TimeSpan.FromMilliseconds(200);
        });
        var topic = KafkaClients.UniqueTopic();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, 1, new()
        {
            ["segment.bytes"] = "4096",
            ["retention.bytes"] = "8192",
        });
        await ProduceAsync(broker.BootstrapServers, topic, count: 200, valueSize: 200);

        var earliest = await WaitForEarliestAboveZeroAsync(broker.BootstrapServers, topic, TimeSpan.FromSeconds(15));

        Assert.InRange(earliest, 1, 199);
        var remaining = KafkaClients.ConsumeAll(broker.BootstrapServers, topic, 1, 200 - (int)earliest, TimeSpan.FromSeconds(15));
        Assert.Equal(earliest, remaining.First().Offset.Value);
        Assert.Equal(199, remaining.Last().Offset.Value);
        Assert.True(Directory.GetFiles(Path.Combine(dataDir.Path, topic + "-0"), "*.log").Length >= 1);
    }

    [Fact]
    public async Task RetentionMs_RecordsOlderThanRetention_AreDeleted()
    {
        await using var broker = await TestBroker.StartAsync(o => o.RetentionCheckInterval = TimeSpan.FromMilliseconds(200));
        var topic = KafkaClients.UniqueTopic();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, 1, new()
        {
            ["segment.bytes"] = "2048",
            ["retention.ms"] = "1000",
        });
        // Old timestamps: retention by time goes by the records' (max) timestamps, as Kafka does.
        await ProduceAsync(broker.BootstrapServers, topic, count: 100, valueSize: 100, timestamp: DateTime.UtcNow.AddHours(-1));

        var earliest = await WaitForEarliestAboveZeroAsync(broker.BootstrapServers, topic, TimeSpan.FromSeconds(15));

        Assert.True(earliest > 0);
    }

    private static async Task ProduceAsync(string bootstrap, string topic, int count, int valueSize, DateTime? timestamp = null)
    {
        using var producer = KafkaClients.Producer(bootstrap, c => { c.LingerMs = 0; c.BatchNumMessages = 5; });
        for (var i = 0; i < count; i++)
        {
            var message = new Message<byte[]?, byte[]?> { Value = new byte[valueSize] };
            if (timestamp is not null)
            {
                message.Timestamp = new Timestamp(timestamp.Value);
            }
            producer.Produce(topic, message);
        }
        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(20)));
        await Task.CompletedTask;
    }

    /// <summary>
    /// The earliest offset once it moved and then held still for a few retention passes: a pass that ran while
    /// the producer was still writing may be followed by one that deletes more.
    /// </summary>
    private static async Task<long> WaitForEarliestAboveZeroAsync(string bootstrap, string topic, TimeSpan timeout)
    {
        using var consumer = KafkaClients.AssignConsumer(bootstrap);
        var deadline = DateTime.UtcNow + timeout;
        var (last, stableSince) = (0L, DateTime.UtcNow);
        while (DateTime.UtcNow < deadline)
        {
            var low = consumer.QueryWatermarkOffsets(new TopicPartition(topic, 0), TimeSpan.FromSeconds(5)).Low.Value;
            if (low != last)
            {
                (last, stableSince) = (low, DateTime.UtcNow);
            }
            else if (low > 0 && DateTime.UtcNow - stableSince > TimeSpan.FromSeconds(1))
            {
                return low;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The earliest offset did not settle above 0 (last seen {last}): retention did not delete any segment.");
    }
}
