using System.Globalization;
using System.Text.Json;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Compatibility;

/// <summary>
/// Independent clients from Debian: kafka-python 2.0.2 (a pure-Python protocol implementation) and
/// confluent-kafka-python 1.7 (an older librdkafka), each producing and consuming against the broker.
/// </summary>
public sealed class PythonClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private const string KafkaPythonScript = """
        import json, sys
        from kafka import KafkaProducer, KafkaConsumer, TopicPartition
        bootstrap, topic, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
        producer = KafkaProducer(bootstrap_servers=bootstrap, acks='all')
        for i in range(count):
            producer.send(topic, key=b'k%d' % i, value=b'v%d' % i, partition=i % 2)
        producer.flush(30)
        producer.close()
        consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False, consumer_timeout_ms=10000)
        partitions = [TopicPartition(topic, 0), TopicPartition(topic, 1)]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        records = []
        for message in consumer:
            records.append({'p': message.partition, 'o': message.offset, 'k': message.key.decode(), 'v': message.value.decode()})
            if len(records) == count:
                break
        consumer.close()
        print(json.dumps(records))
        """;

    private const string ConfluentPythonScript = """
        import json, sys
        from confluent_kafka import Producer, Consumer, TopicPartition, OFFSET_BEGINNING
        from confluent_kafka.admin import AdminClient, NewTopic
        bootstrap, topic, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
        admin = AdminClient({'bootstrap.servers': bootstrap})
        for future in admin.create_topics([NewTopic(topic, num_partitions=2, replication_factor=1)]).values():
            future.result(30)
        listed = admin.list_topics(timeout=10)
        partitions_seen = len(listed.topics[topic].partitions)
        producer = Producer({'bootstrap.servers': bootstrap, 'acks': 'all'})
        for i in range(count):
            producer.produce(topic, key=b'k%d' % i, value=b'v%d' % i, partition=i % 2)
        remaining = producer.flush(30)
        consumer = Consumer({'bootstrap.servers': bootstrap, 'group.id': 'py-assign', 'enable.auto.commit': False})
        consumer.assign([TopicPartition(topic, 0, OFFSET_BEGINNING), TopicPartition(topic, 1, OFFSET_BEGINNING)])
        records = []
        misses = 0
        while len(records) < count and misses < 50:
            message = consumer.poll(0.2)
            if message is None or message.error():
                misses += 1
                continue
            records.append({'p': message.partition(), 'o': message.offset(), 'k': message.key().decode(), 'v': message.value().decode()})
        consumer.close()
        print(json.dumps({'partitions': partitions_seen, 'unflushed': remaining, 'records': records}))
        """;

    [Fact]
    public async Task KafkaPython_ProduceAndAssignConsume_RoundTripsRecords()
    {
        var python = RequiredTool.RequirePythonModule("kafka", "python3-kafka");
        await using var broker = await TestBroker.StartAsync();
        var topic = KafkaClients.UniqueTopic("kpy");
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, 2);

        var result = await ProcessRunner.RunAsync(python, ["-c", KafkaPythonScript, broker.BootstrapServers, topic, "20"], Timeout, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.StandardError);
        AssertRecords(JsonDocument.Parse(result.StandardOutput).RootElement, 20);
    }

    [Fact]
    public async Task ConfluentKafkaPython17_AdminProduceConsume_RoundTripsRecords()
    {
        var python = RequiredTool.RequirePythonModule("confluent_kafka", "python3-confluent-kafka");
        await using var broker = await TestBroker.StartAsync(o => o.AutoCreateTopics = false);
        var topic = KafkaClients.UniqueTopic("ckpy");

        var result = await ProcessRunner.RunAsync(python, ["-c", ConfluentPythonScript, broker.BootstrapServers, topic, "20"], Timeout, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var root = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal(2, root.GetProperty("partitions").GetInt32());
        Assert.Equal(0, root.GetProperty("unflushed").GetInt32());
        AssertRecords(root.GetProperty("records"), 20);
    }

    /// <summary>Record i went to partition i % 2 at offset i / 2 with key "k{i}" and value "v{i}".</summary>
    private static void AssertRecords(JsonElement records, int count)
    {
        var actual = records.EnumerateArray()
            .Select(r => (P: r.GetProperty("p").GetInt32(), O: r.GetProperty("o").GetInt64(), K: r.GetProperty("k").GetString()!, V: r.GetProperty("v").GetString()!))
            .OrderBy(r => r.P).ThenBy(r => r.O)
            .ToList();
        var expected = Enumerable.Range(0, count)
            .Select(i => (P: i % 2, O: (long)(i / 2), K: "k" + i.ToString(CultureInfo.InvariantCulture), V: "v" + i.ToString(CultureInfo.InvariantCulture)))
            .OrderBy(r => r.P).ThenBy(r => r.O)
            .ToList();
        Assert.Equal(expected, actual);
    }
}
