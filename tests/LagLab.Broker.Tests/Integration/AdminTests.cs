using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Integration;

/// <summary>Topic administration through Confluent.Kafka's AdminClient, end to end.</summary>
public sealed class AdminTests
{
    [Fact]
    public async Task CreateAndDeleteTopics_AreVisibleInMetadata()
    {
        await using var broker = await TestBroker.StartAsync(o => o.AutoCreateTopics = false);
        using var admin = KafkaClients.Admin(broker.BootstrapServers);
        var topic = KafkaClients.UniqueTopic();

        await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = 5, ReplicationFactor = 1 }]);
        var created = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single();
        Assert.Equal(ErrorCode.NoError, created.Error.Code);
        Assert.Equal(5, created.Partitions.Count);
        Assert.All(created.Partitions, p => Assert.Equal(broker.Options.NodeId, p.Leader));

        await admin.DeleteTopicsAsync([topic]);
        var all = admin.GetMetadata(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(all.Topics, t => t.Topic == topic);
    }

    [Fact]
    public async Task CreateTopics_DefaultPartitionsAndReplication_UsesBrokerDefaults()
    {
        await using var broker = await TestBroker.StartAsync(o => o.DefaultPartitions = 3);
        using var admin = KafkaClients.Admin(broker.BootstrapServers);
        var topic = KafkaClients.UniqueTopic();

        // -1 for both needs CreateTopics v4 (KIP-464).
        await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = -1, ReplicationFactor = -1 }]);

        Assert.Equal(3, admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Count);
    }

    [Fact]
    public async Task CreateTopics_Invalid_ReportsErrorPerTopic()
    {
        await using var broker = await TestBroker.StartAsync();
        using var admin = KafkaClients.Admin(broker.BootstrapServers);
        var existing = KafkaClients.UniqueTopic();
        await admin.CreateTopicsAsync([new TopicSpecification { Name = existing, NumPartitions = 1 }]);

        var error = await Assert.ThrowsAsync<CreateTopicsException>(() => admin.CreateTopicsAsync(
        [
            new TopicSpecification { Name = existing, NumPartitions = 1 },
            new TopicSpecification { Name = "bad/name", NumPartitions = 1 },
            new TopicSpecification { Name = KafkaClients.UniqueTopic(), NumPartitions = 1, ReplicationFactor = 3 },
            new TopicSpecification { Name = KafkaClients.UniqueTopic(), NumPartitions = 1, Configs = new() { ["cleanup.policy"] = "compact" } },
        ]));

        var codes = error.Results.Select(r => r.Error.Code).ToList();
        Assert.Equal([ErrorCode.TopicAlreadyExists, ErrorCode.TopicException, ErrorCode.InvalidReplicationFactor, ErrorCode.InvalidConfig], codes);
    }

    [Fact]
    public async Task CreatePartitions_ThreeToTwelve_KeepsExistingData()
    {
        await using var broker = await TestBroker.StartAsync();
        var topic = KafkaClients.UniqueTopic();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, 3);
        using (var producer = KafkaClients.Producer(broker.BootstrapServers))
        {
            for (var i = 0; i < 30; i++)
            {
                producer.Produce(new TopicPartition(topic, i % 3), new Message<byte[]?, byte[]?> { Value = BitConverter.GetBytes(i) });
            }
            producer.Flush(TimeSpan.FromSeconds(10));
        }
        using var admin = KafkaClients.Admin(broker.BootstrapServers);

        await admin.CreatePartitionsAsync([new PartitionsSpecification { Topic = topic, IncreaseTo = 12 }]);

        Assert.Equal(12, admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Count);
        var received = KafkaClients.ConsumeAll(broker.BootstrapServers, topic, 12, 30, TimeSpan.FromSeconds(20));
        Assert.Equal(Enumerable.Range(0, 30), received.Select(r => BitConverter.ToInt32(r.Message.Value)).Order());
        Assert.All(received, r => Assert.True(r.Partition.Value < 3));
        var decrease = await Assert.ThrowsAsync<CreatePartitionsException>(() =>
            admin.CreatePartitionsAsync([new PartitionsSpecification { Topic = topic, IncreaseTo = 6 }]));
        Assert.Equal(ErrorCode.InvalidPartitions, decrease.Results.Single().Error.Code);
    }

    [Fact]
    public async Task DescribeTopicsAndCluster_ReportThisNode()
    {
        await using var broker = await TestBroker.StartAsync();
        var topic = KafkaClients.UniqueTopic();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, 2);
        using var admin = KafkaClients.Admin(broker.BootstrapServers);

        var cluster = await admin.DescribeClusterAsync();
        var topics = await admin.DescribeTopicsAsync(TopicCollection.OfTopicNames([topic]));

        Assert.Equal(broker.ClusterId, cluster.ClusterId);
        Assert.Equal(broker.Options.NodeId, cluster.Controller.Id);
        var node = Assert.Single(cluster.Nodes);
        Assert.Equal(broker.Port, node.Port);
        var description = Assert.Single(topics.TopicDescriptions);
        Assert.Equal(topic, description.Name);
        Assert.Equal(2, description.Partitions.Count);
        Assert.All(description.Partitions, p => Assert.Equal(broker.Options.NodeId, p.Leader.Id));
    }

    [Fact]
    public async Task ListOffsets_EarliestLatestAndByTimestamp()
    {
        await using var broker = await TestBroker.StartAsync();
        var topic = KafkaClients.UniqueTopic();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, 1);
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        using (var producer = KafkaClients.Producer(broker.BootstrapServers, c => c.LingerMs = 0))
        {
            for (var i = 0; i < 10; i++)
            {
                // One batch per record so timestamp lookups land on batch boundaries and inside the log.
                await producer.ProduceAsync(topic, new Message<byte[]?, byte[]?> { Value = [(byte)i], Timestamp = new Timestamp(start.AddMinutes(i)) }, TestContext.Current.CancellationToken);
            }
        }
        using var admin = KafkaClients.Admin(broker.BootstrapServers);
        var partition = new TopicPartition(topic, 0);

        async Task<long> OffsetFor(OffsetSpec spec) =>
            (await admin.ListOffsetsAsync([new TopicPartitionOffsetSpec { TopicPartition = partition, OffsetSpec = spec }]))
            .ResultInfos.Single().TopicPartitionOffsetError.Offset.Value;

        Assert.Equal(0, await OffsetFor(OffsetSpec.Earliest()));
        Assert.Equal(10, await OffsetFor(OffsetSpec.Latest()));
        Assert.Equal(4, await OffsetFor(OffsetSpec.ForTimestamp(new DateTimeOffset(start.AddMinutes(4)).ToUnixTimeMilliseconds())));
        Assert.Equal(5, await OffsetFor(OffsetSpec.ForTimestamp(new DateTimeOffset(start.AddMinutes(4).AddSeconds(1)).ToUnixTimeMilliseconds())));
        Assert.Equal(-1, await OffsetFor(OffsetSpec.ForTimestamp(new DateTimeOffset(start.AddHours(1)).ToUnixTimeMilliseconds())));
    }

    [Fact]
    public async Task DescribeConfigs_TopicAndBroker_ReportOverridesAndDefaults()
    {
        await using var broker = await TestBroker.StartAsync();
        var topic = KafkaClients.UniqueTopic();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, 1, new() { ["retention.ms"] = "60000" });
        using var admin = KafkaClients.Admin(broker.BootstrapServers);

        var results = await admin.DescribeConfigsAsync(
        [
            new ConfigResource { Type = ResourceType.Topic, Name = topic },
            new ConfigResource { Type = ResourceType.Broker, Name = broker.Options.NodeId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ]);

        var topicConfig = results.Single(r => r.ConfigResource.Type == ResourceType.Topic).Entries;
        Assert.Equal("60000", topicConfig["retention.ms"].Value);
        Assert.Equal(ConfigSource.DynamicTopicConfig, topicConfig["retention.ms"].Source);
        Assert.Equal("delete", topicConfig["cleanup.policy"].Value);
        Assert.True(topicConfig["cleanup.policy"].IsDefault);
        var brokerConfig = results.Single(r => r.ConfigResource.Type == ResourceType.Broker).Entries;
        Assert.Contains("log.retention.ms", brokerConfig.Keys);
    }
}
