using System.Globalization;
using System.Text.Json;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Groups.Integration;

/// <summary>
/// Group consumers from other clients: kafka-python 2.0.2 (its own protocol code, JoinGroup v2), kcat's
/// balanced consumer and confluent-kafka-python 1.7 (older librdkafka builds).
/// </summary>
public sealed class GroupCompatibilityTests
{
    private const int Partitions = 4;
    private const int Count = 40;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    // Two members in one process, each polled by its own thread (kafka-python blocks in poll() while it
    // rejoins, so one thread polling both would deadlock the rebalance), until they share the partitions
    // and have read everything; then each commits.
    private const string KafkaPythonScript = """
        import json, sys, threading, time
        from kafka import KafkaConsumer
        bootstrap, topic, group, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
        def member(name):
            return KafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group, client_id=name,
                                 enable_auto_commit=False, auto_offset_reset='earliest',
                                 session_timeout_ms=6000, heartbeat_interval_ms=500)
        members = [member('py-a'), member('py-b')]
        seen, lock, stop = set(), threading.Lock(), threading.Event()
        def run(m):
            while not stop.is_set():
                for records in m.poll(timeout_ms=100).values():
                    with lock:
                        seen.update((r.partition, r.offset) for r in records)
            m.commit()
        threads = [threading.Thread(target=run, args=(m,)) for m in members]
        for t in threads:
            t.start()
        deadline = time.time() + 60
        while time.time() < deadline:
            assignments = [sorted(p.partition for p in m.assignment()) for m in members]
            with lock:
                done = len(seen) >= count
            if all(assignments) and done and sorted(sum(assignments, [])) == list(range(4)):
                break
            time.sleep(0.1)
        stop.set()
        for t in threads:
            t.join()
        print(json.dumps({'assignments': assignments, 'seen': len(seen)}))
        for m in members:
            m.close()
        """;

    private const string ConfluentPythonScript = """
        import json, sys, time
        from confluent_kafka import Consumer
        bootstrap, topic, group, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
        def member(name):
            c = Consumer({'bootstrap.servers': bootstrap, 'group.id': group, 'client.id': name,
                          'enable.auto.commit': False, 'auto.offset.reset': 'earliest',
                          'session.timeout.ms': 6000, 'heartbeat.interval.ms': 500})
            c.subscribe([topic])
            return c
        members = [member('cpy-a'), member('cpy-b')]
        seen = set()
        deadline = time.time() + 60
        while time.time() < deadline:
            for m in members:
                message = m.poll(0.1)
                if message is not None and not message.error():
                    seen.add((message.partition(), message.offset()))
            assignments = [sorted(p.partition for p in m.assignment()) for m in members]
            if all(assignments) and len(seen) >= count and sorted(sum(assignments, [])) == list(range(4)):
                break
        for m in members:
            m.commit(asynchronous=False)
        print(json.dumps({'assignments': [sorted(p.partition for p in m.assignment()) for m in members], 'seen': len(seen)}))
        for m in members:
            m.close()
        """;

    [Fact]
    public async Task KafkaPython_TwoGroupMembers_ShareThePartitionsAndTheirCommitsAreVisible()
    {
        var python = RequiredTool.RequirePythonModule("kafka", "python3-kafka");
        await using var broker = await TestBroker.StartAsync(o => o.GroupInitialRebalanceDelayMs = 200);
        var (topic, group) = await PrepareAsync(broker);

        var result = await ProcessRunner.RunAsync(python, ["-", broker.BootstrapServers, topic, group, Count.ToString(CultureInfo.InvariantCulture)], Timeout, KafkaPythonScript, TestContext.Current.CancellationToken);

        await AssertSharedAndCommittedAsync(broker, topic, group, result);
    }

    [Fact]
    public async Task ConfluentKafkaPython17_TwoGroupMembers_ShareThePartitionsAndTheirCommitsAreVisible()
    {
        var python = RequiredTool.RequirePythonModule("confluent_kafka", "python3-confluent-kafka");
        await using var broker = await TestBroker.StartAsync(o => o.GroupInitialRebalanceDelayMs = 200);
        var (topic, group) = await PrepareAsync(broker);

        var result = await ProcessRunner.RunAsync(python, ["-", broker.BootstrapServers, topic, group, Count.ToString(CultureInfo.InvariantCulture)], Timeout, ConfluentPythonScript, TestContext.Current.CancellationToken);

        await AssertSharedAndCommittedAsync(broker, topic, group, result);
    }

    [Fact]
    public async Task KcatBalancedConsumer_ReadsEveryRecordAndCommits()
    {
        var kcat = RequiredTool.Require("/usr/bin/kcat", "kcat");
        await using var broker = await TestBroker.StartAsync(o => o.GroupInitialRebalanceDelayMs = 200);
        var (topic, group) = await PrepareAsync(broker);

        var result = await ProcessRunner.RunAsync(kcat,
            ["-b", broker.BootstrapServers, "-G", group, "-X", "auto.offset.reset=earliest", "-X", "enable.auto.commit=true",
             "-X", "auto.commit.interval.ms=100", "-c", Count.ToString(CultureInfo.InvariantCulture), "-f", "%p:%o\\n", "-q", topic],
            Timeout, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, $"kcat failed ({result.ExitCode}): {result.StandardError}");
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Count, lines.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, Partitions).Select(p => p.ToString(CultureInfo.InvariantCulture)), lines.Select(l => l.Split(':')[0]).Distinct().Order());
        using var admin = KafkaClients.Admin(broker.BootstrapServers);
        var groups = await admin.ListConsumerGroupsAsync();
        Assert.Contains(groups.Valid, g => g.GroupId == group);
    }

    private static async Task<(string Topic, string Group)> PrepareAsync(KafkaBroker broker)
    {
        var topic = KafkaClients.UniqueTopic("compat");
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, Partitions);
        using var producer = KafkaClients.Producer(broker.BootstrapServers);
        for (var i = 0; i < Count; i++)
        {
            producer.Produce(new TopicPartition(topic, i % Partitions), new Message<byte[]?, byte[]?> { Value = BitConverter.GetBytes(i) });
        }
        producer.Flush(TimeSpan.FromSeconds(30));
        return (topic, "compat-" + Guid.NewGuid().ToString("N")[..8]);
    }

    private static async Task AssertSharedAndCommittedAsync(KafkaBroker broker, string topic, string group, ProcessRunner.Result result)
    {
        Assert.True(result.ExitCode == 0, $"python failed ({result.ExitCode}): {result.StandardError}");
        using var summary = JsonDocument.Parse(result.StandardOutput);
        var assignments = summary.RootElement.GetProperty("assignments").EnumerateArray()
            .Select(a => a.EnumerateArray().Select(p => p.GetInt32()).ToArray()).ToArray();
        Assert.Equal(2, assignments.Length);
        Assert.All(assignments, a => Assert.Equal(2, a.Length));
        Assert.Equal(Enumerable.Range(0, Partitions), assignments.SelectMany(a => a).Order());
        Assert.Equal(Count, summary.RootElement.GetProperty("seen").GetInt32());

        using var admin = KafkaClients.Admin(broker.BootstrapServers);
        var offsets = await admin.ListConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitions(group, null)]);
        var committed = offsets.Single().Partitions.Where(p => p.Topic == topic).ToDictionary(p => p.Partition.Value, p => p.Offset.Value);
        Assert.Equal(Enumerable.Range(0, Partitions).ToDictionary(p => p, _ => (long)(Count / Partitions)), committed);
    }
}
