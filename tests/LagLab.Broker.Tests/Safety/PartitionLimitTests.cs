using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Safety;

/// <summary>
/// Issue 10, items 4 and 5: partitions are bounded in total (POLICY_VIOLATION past the limit, both for
/// CreateTopics and CreatePartitions), and a create that fails half-way answers each topic truthfully and
/// leaves nothing of the failed one behind.
/// </summary>
public sealed class PartitionLimitTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CreateTopics_PastTheBrokerPartitionLimit_IsPolicyViolationAndCreatesNothing()
    {
        await using var broker = await TestBroker.StartAsync(o => o.MaxBrokerPartitions = 10);
        using var admin = KafkaClients.Admin(broker.BootstrapServers);
        var first = KafkaClients.UniqueTopic("limit");
        var second = KafkaClients.UniqueTopic("limit");
        await admin.CreateTopicsAsync([new TopicSpecification { Name = first, NumPartitions = 6, ReplicationFactor = 1 }]);

        var refused = await Assert.ThrowsAsync<CreateTopicsException>(() => admin.CreateTopicsAsync([new TopicSpecification { Name = second, NumPartitions = 6, ReplicationFactor = 1 }]));
        var grow = await Assert.ThrowsAsync<CreatePartitionsException>(() => admin.CreatePartitionsAsync([new PartitionsSpecification { Topic = first, IncreaseTo = 11 }]));

        Assert.Equal(ErrorCode.PolicyViolation, refused.Results.Single().Error.Code);
        Assert.Contains("limit of 10", refused.Results.Single().Error.Reason, StringComparison.Ordinal);
        Assert.Equal(ErrorCode.PolicyViolation, grow.Results.Single().Error.Code);
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(metadata.Topics, t => t.Topic == second);
        Assert.Equal(6, metadata.Topics.Single(t => t.Topic == first).Partitions.Count);
    }

    [Fact]
    public async Task CreateTopics_OneTopicFailsHalfWay_OthersCreatedFailedOneRolledBackAndAnsweredAlone()
    {
        await using var broker = await StoredLog.StartAsync(_directory.Path);
        var good = KafkaClients.UniqueTopic("good");
        var bad = KafkaClients.UniqueTopic("bad");
        var alsoGood = KafkaClients.UniqueTopic("good");
        // A file where the bad topic's partition 3 folder must go: its creation fails after partitions 0-2 exist.
        await File.WriteAllTextAsync(Path.Combine(_directory.Path, $"{bad}-3"), "in the way", TestContext.Current.CancellationToken);
        using var admin = KafkaClients.Admin(broker.BootstrapServers);

        var error = await Assert.ThrowsAsync<CreateTopicsException>(() => admin.CreateTopicsAsync(
        [
            new TopicSpecification { Name = good, NumPartitions = 2, ReplicationFactor = 1 },
            new TopicSpecification { Name = bad, NumPartitions = 6, ReplicationFactor = 1 },
            new TopicSpecification { Name = alsoGood, NumPartitions = 2, ReplicationFactor = 1 },
        ]));

        var results = error.Results.ToDictionary(r => r.Topic, r => r.Error.Code);
        Assert.Equal(ErrorCode.NoError, results[good]);
        Assert.Equal(ErrorCode.NoError, results[alsoGood]);
        Assert.NotEqual(ErrorCode.NoError, results[bad]);
        Assert.Empty(Directory.GetDirectories(_directory.Path, $"{bad}-*"));
        Assert.DoesNotContain(bad, await File.ReadAllTextAsync(Path.Combine(_directory.Path, "topics.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var producer = KafkaClients.Producer(broker.BootstrapServers);
        var delivered = await producer.ProduceAsync(new TopicPartition(alsoGood, 1), new Message<byte[]?, byte[]?> { Value = [1] }, TestContext.Current.CancellationToken);
        Assert.Equal(PersistenceStatus.Persisted, delivered.Status);
    }
}
