using System.Text;
using Confluent.Kafka;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Integration;

/// <summary>The real Confluent.Kafka client over TCP: what goes in comes back out exactly.</summary>
public sealed class ProduceConsumeTests
{
    public static TheoryData<Acks, CompressionType> AcksAndCompression()
    {
        var data = new TheoryData<Acks, CompressionType>();
        foreach (var acks in new[] { Acks.None, Acks.Leader, Acks.All })
        {
            foreach (var compression in Enum.GetValues<CompressionType>())
            {
                data.Add(acks, compression);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AcksAndCompression))]
    public async Task Produce_AnyAcksAndCompression_ConsumesExactKeysValuesHeadersAndTimestamps(Acks acks, CompressionType compression)
    {
        await using var broker = await TestBroker.StartAsync();
        var topic = KafkaClients.UniqueTopic();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, 3);
        var sent = Enumerable.Range(0, 300).Select(Message).ToList();

        using (var producer = KafkaClients.Producer(broker.BootstrapServers, c => { c.Acks = acks; c.CompressionType = compression; }))
        {
            foreach (var (partition, message) in sent)
            {
                producer.Produce(new TopicPartition(topic, partition), message);
            }
            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        }

        var received = KafkaClients.ConsumeAll(broker.BootstrapServers, topic, 3, sent.Count, TimeSpan.FromSeconds(30));
        Assert.Equal(sent.Count, received.Count);
        foreach (var partition in Enumerable.Range(0, 3))
        {
            var expected = sent.Where(s => s.Partition == partition).Select(s => s.Message).ToList();
            var actual = received.Where(r => r.Partition.Value == partition).OrderBy(r => r.Offset.Value).ToList();
            Assert.Equal(Enumerable.Range(0, expected.Count).Select(i => (long)i), actual.Select(r => r.Offset.Value));
            for (var i = 0; i < expected.Count; i++)
            {
                AssertSameMessage(expected[i], actual[i].Message);
            }
        }
    }

    [Fact]
    public async Task Produce_Idempotent_DeliversEveryRecordOnceInOrder()
    {
        await using var broker = await TestBroker.StartAsync();
        var topic = KafkaClients.UniqueTopic();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, 1);
        const int count = 2_000;

        using (var producer = KafkaClients.Producer(broker.BootstrapServers, c => { c.EnableIdempotence = true; c.LingerMs = 1; c.BatchNumMessages = 50; }))
        {
            var reports = new List<Task<DeliveryResult<byte[]?, byte[]?>>>();
            for (var i = 0; i < count; i++)
            {
                reports.Add(producer.ProduceAsync(topic, new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes("k"), Value = BitConverter.GetBytes(i) }, TestContext.Current.CancellationToken));
            }
            var results = await Task.WhenAll(reports);
            Assert.All(results, r => Assert.Equal(PersistenceStatus.Persisted, r.Status));
            Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), results.Select(r => r.Offset.Value));
        }

        var received = KafkaClients.ConsumeAll(broker.BootstrapServers, topic, 1, count, TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(0, count), received.Select(r => BitConverter.ToInt32(r.Message.Value)));
    }

    [Fact]
    public async Task Produce_UnknownTopicWithAutoCreate_CreatesTopicWithDefaultPartitions()
    {
        await using var broker = await TestBroker.StartAsync(o => o.DefaultPartitions = 4);
        var topic = KafkaClients.UniqueTopic("auto");

        using (var producer = KafkaClients.Producer(broker.BootstrapServers))
        {
            var result = await producer.ProduceAsync(topic, new Message<byte[]?, byte[]?> { Value = [1, 2, 3] }, TestContext.Current.CancellationToken);
            Assert.Equal(PersistenceStatus.Persisted, result.Status);
        }

        using var admin = KafkaClients.Admin(broker.BootstrapServers);
        var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
        Assert.Equal(4, Assert.Single(metadata.Topics).Partitions.Count);
    }

    [Fact]
    public async Task Produce_UnknownTopicWithoutAutoCreate_FailsWithUnknownTopic()
    {
        await using var broker = await TestBroker.StartAsync(o => o.AutoCreateTopics = false);
        using var producer = KafkaClients.Producer(broker.BootstrapServers, c => c.MessageTimeoutMs = 3_000);

        var error = await Assert.ThrowsAsync<ProduceException<byte[]?, byte[]?>>(() =>
            producer.ProduceAsync(KafkaClients.UniqueTopic("missing"), new Message<byte[]?, byte[]?> { Value = [1] }, TestContext.Current.CancellationToken));

        Assert.Contains(error.Error.Code, new[] { ErrorCode.Local_UnknownTopic, ErrorCode.UnknownTopicOrPart, ErrorCode.Local_MsgTimedOut });
    }

    private static (int Partition, Message<byte[]?, byte[]?> Message) Message(int i)
    {
        var headers = new Headers { { "seq", BitConverter.GetBytes(i) }, { "empty", [] } };
        var message = new Message<byte[]?, byte[]?>
        {
            Key = i % 10 == 0 ? null : Encoding.UTF8.GetBytes($"key-{i}"),
            Value = i % 17 == 0 ? null : Encoding.UTF8.GetBytes(new string((char)('a' + i % 26), 10 + i % 90)),
            Headers = headers,
            Timestamp = new Timestamp(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(i * 1_000L)),
        };
        return (i % 3, message);
    }

    private static void AssertSameMessage(Message<byte[]?, byte[]?> expected, Message<byte[]?, byte[]?> actual)
    {
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.Value, actual.Value);
        Assert.Equal(expected.Timestamp.UnixTimestampMs, actual.Timestamp.UnixTimestampMs);
        Assert.Equal(TimestampType.CreateTime, actual.Timestamp.Type);
        Assert.Equal(expected.Headers.Select(h => (h.Key, h.GetValueBytes())), actual.Headers.Select(h => (h.Key, h.GetValueBytes())));
    }
}
