using System.Text;
using Confluent.Kafka;
using LagLab.Bank;
using LagLab.Contracts;
using LagLab.Pipeline.Hosting;
using LagLab.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LagLab.Pipeline.Tests.Integration;

/// <summary>
/// An unexpected failure stops the instance promptly with what it was doing, instead of stalling a partition for good
/// (issue 9). The fault is a real one: Kafka will not take the result of an applied event (the results topic does not
/// exist and the broker creates no topics), so the event can never become final.
/// </summary>
public sealed class PipelineFailureTests
{
    [Fact]
    public async Task RunAsync_ResultKafkaWillNotTake_StopsWithThePartitionAndOffsetAndCommitsNothingPastIt()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var broker = await TestBroker.StartAsync(o =>
        {
            o.AutoCreateTopics = false;
            o.GroupInitialRebalanceDelayMs = 0;
        });
        await using var bank = await BankServer.StartAsync(new BankOptions { Listen = "127.0.0.1:0", RateLimit = 1000, LatencyP50 = TimeSpan.FromMilliseconds(1), LatencyP99 = TimeSpan.FromMilliseconds(5) }, cancellationToken: cancellation);
        var topic = KafkaClients.UniqueTopic("events");
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, 1);
        using (var producer = KafkaClients.Producer(broker.BootstrapServers))
        {
            foreach (var sequence in new long[] { 1, 2 })
            {
                var evt = TestEvents.Event("acc", sequence, amount: 1);
                await producer.ProduceAsync(topic, new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes("acc"), Value = ReconciliationEventJson.Serialize(evt) }, cancellation);
            }
        }
        var options = new PipelineOptions
        {
            BootstrapServers = broker.BootstrapServers,
            Topic = topic,
            Group = "g-" + topic,
            BankUrl = bank.BaseAddress.ToString(),
            ResultsTopic = topic + "-missing-results",
            DeadLetterTopic = topic + "-dlq",
            RateLimit = 1000,
            CommitInterval = TimeSpan.FromMilliseconds(100),
        };
        options.KafkaSettings["message.timeout.ms"] = "1000";

        var run = ReconciliationPipeline.RunAsync(options, NullLoggerFactory.Instance, TextWriter.Null, CancellationToken.None);
        var failure = await Assert.ThrowsAsync<PipelineFailedException>(() => run.WaitAsync(TimeSpan.FromSeconds(60), cancellation));

        Assert.Contains($"at {topic}[0]@0", failure.Activity, StringComparison.Ordinal);
        Assert.StartsWith("processing acc-1-", failure.Activity, StringComparison.Ordinal);
        Assert.IsType<ProduceException<byte[]?, byte[]?>>(failure.InnerException);
        Assert.Equal(1, bank.GetStats().Applied); // applied, but never final: the next owner re-sends it as a replay
        using var consumer = KafkaClients.AssignConsumer(broker.BootstrapServers, c => c.GroupId = options.Group);
        var committed = consumer.Committed([new TopicPartition(topic, 0)], TimeSpan.FromSeconds(10)).Single().Offset;
        Assert.True(committed.IsSpecial || committed.Value == 0, $"committed {committed} past the offset that never became final");
    }
}
