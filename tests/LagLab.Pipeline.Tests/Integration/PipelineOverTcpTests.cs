using System.Text;
using Confluent.Kafka;
using LagLab.Bank;
using LagLab.Contracts;
using LagLab.Pipeline.Hosting;
using LagLab.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LagLab.Pipeline.Tests.Integration;

/// <summary>
/// One pipeline instance in-process against the embedded broker over TCP (real Confluent.Kafka client) and the bank
/// simulator over HTTP: bad input, commits, the results topic. Each runs in a few seconds.
/// </summary>
public sealed class PipelineOverTcpTests
{
    [Fact]
    public async Task RunAsync_MalformedRecords_DeadLetteredWithReasonAndPartitionKeepsGoing()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var bank = await BankServer.StartAsync(new BankOptions { Listen = "127.0.0.1:0", RateLimit = 1000, LatencyP50 = TimeSpan.FromMilliseconds(1), LatencyP99 = TimeSpan.FromMilliseconds(5) }, cancellationToken: TestContext.Current.CancellationToken);
        var topic = KafkaClients.UniqueTopic("events");
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, 1);
        using (var producer = KafkaClients.Producer(broker.BootstrapServers))
        {
            await ProduceAsync(producer, topic, "acc", ReconciliationEventJson.Serialize(TestEvents.Event("acc", 1)));
            await ProduceAsync(producer, topic, "acc", "{not json"u8.ToArray());
            await ProduceAsync(producer, topic, "acc", Encoding.UTF8.GetBytes("""{"eventId":"x","account":"acc","sequence":2,"amount":1,"currency":"euro","producedAt":"2025-01-01T00:00:00Z"}"""));
            await ProduceAsync(producer, topic, "someone-else", ReconciliationEventJson.Serialize(TestEvents.Event("acc", 3)));
            await ProduceAsync(producer, topic, "acc", ReconciliationEventJson.Serialize(TestEvents.Event("acc", 2)));
        }
        var options = Options(broker.BootstrapServers, topic, bank.BaseAddress);

        await RunUntilAsync(options, () => bank.GetStats().Applied == 2);

        Assert.Equal(0, bank.GetStats().OrderViolations);
        var letters = KafkaClients.ConsumeToEnd(broker.BootstrapServers, options.DeadLetterTopic, 1, TimeSpan.FromSeconds(20));
        Assert.Equal(3, letters.Count);
        var reasons = letters.Select(l => Encoding.UTF8.GetString(l.Message.Headers.GetLastBytes(KafkaOutcomeSink.ReasonHeader))).ToList();
        Assert.StartsWith("invalid JSON", reasons[0], StringComparison.Ordinal);
        Assert.Contains("currency", reasons[1], StringComparison.Ordinal);
        Assert.Contains("record key 'someone-else' is not the event's account 'acc'", reasons[2], StringComparison.Ordinal);
        Assert.Equal("{not json", Encoding.UTF8.GetString(letters[0].Message.Value!));
        Assert.Equal(["1", "2", "3"], letters.Select(l => Encoding.UTF8.GetString(l.Message.Headers.GetLastBytes("laglab-dlq-offset"))));
        Assert.Equal(5, Committed(broker.BootstrapServers, options.Group, topic, 0));
    }

    [Fact]
    public async Task RunAsync_EventsApplied_OneResultPerEventAndFinalOffsetsCommittedOnStop()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var bank = await BankServer.StartAsync(new BankOptions { Listen = "127.0.0.1:0", RateLimit = 1000, LatencyP50 = TimeSpan.FromMilliseconds(1), LatencyP99 = TimeSpan.FromMilliseconds(5) }, cancellationToken: TestContext.Current.CancellationToken);
        var topic = KafkaClients.UniqueTopic("events");
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, 3);
        const int count = 300;
        using (var producer = KafkaClients.Producer(broker.BootstrapServers))
        {
            var sequences = new Dictionary<string, long>();
            for (var i = 0; i < count; i++)
            {
                var account = $"acc-{i % 17}";
                sequences[account] = sequences.GetValueOrDefault(account) + 1;
                producer.Produce(topic, new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes(account), Value = ReconciliationEventJson.Serialize(TestEvents.Event(account, sequences[account])) });
            }
            producer.Flush(TimeSpan.FromSeconds(10));
        }
        var options = Options(broker.BootstrapServers, topic, bank.BaseAddress);

        await RunUntilAsync(options, () => bank.GetStats().Applied == count);

        var stats = bank.GetStats();
        Assert.Equal((count, 0L, 0L), (stats.Applied, stats.Duplicates, stats.OrderViolations));
        var results = KafkaClients.ConsumeToEnd(broker.BootstrapServers, options.ResultsTopic, 1, TimeSpan.FromSeconds(20));
        Assert.Equal(count, results.Select(r => Encoding.UTF8.GetString(r.Message.Key!)).Distinct().Count());
        Assert.Equal(count, results.Count);
        var committed = Enumerable.Range(0, 3).Sum(p => Committed(broker.BootstrapServers, options.Group, topic, p));
        Assert.Equal(count, committed);
    }

    private static PipelineOptions Options(string bootstrap, string topic, Uri bank) => new()
    {
        BootstrapServers = bootstrap,
        Topic = topic,
        Group = "g-" + topic,
        BankUrl = bank.ToString(),
        ResultsTopic = topic + "-results",
        DeadLetterTopic = topic + "-dlq",
        InstanceId = "it-1",
        RateLimit = 1000,
        CommitInterval = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>Runs the pipeline until the condition holds (bounded), then stops it the way SIGTERM does.</summary>
    private static async Task RunUntilAsync(PipelineOptions options, Func<bool> done)
    {
        using var stop = new CancellationTokenSource();
        var run = ReconciliationPipeline.RunAsync(options, NullLoggerFactory.Instance, TextWriter.Null, stop.Token);
        await Eventually.TrueAsync(() => done() || run.IsCompleted, "the pipeline to finish its work");
        await Task.Delay(500, TestContext.Current.CancellationToken); // the last acknowledgements and a commit
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    private static long Committed(string bootstrap, string group, string topic, int partition)
    {
        using var consumer = KafkaClients.AssignConsumer(bootstrap, c => c.GroupId = group);
        var offsets = consumer.Committed([new TopicPartition(topic, partition)], TimeSpan.FromSeconds(10));
        return offsets.Single().Offset.Value;
    }

    private static Task ProduceAsync(IProducer<byte[]?, byte[]?> producer, string topic, string key, byte[] value) =>
        producer.ProduceAsync(topic, new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes(key), Value = value }, TestContext.Current.CancellationToken);
}
