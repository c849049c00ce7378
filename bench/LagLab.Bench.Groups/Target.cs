using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LagLab.Broker;

namespace LagLab.Bench.Groups;

/// <summary>A broker to measure: the embedded one or the librdkafka mock cluster.</summary>
internal sealed class Target : IAsyncDisposable
{
    private readonly KafkaBroker? _broker;
    private readonly MockCluster? _mock;

    private Target(string name, KafkaBroker? broker, MockCluster? mock)
    {
        Name = name;
        _broker = broker;
        _mock = mock;
    }

    public string Name { get; }

    public string Bootstrap => _broker?.BootstrapServers ?? _mock!.BootstrapServers;

    public bool IsMock => _mock is not null;

    public static Target Mock() => new("librdkafka mock", null, MockCluster.Start());

    public static async Task<Target> EmbeddedAsync(string? dataDirectory = null) =>
        new(dataDirectory is null ? "laglab" : "laglab (data dir)", await KafkaBroker.StartAsync(new BrokerOptions { Port = 0, DataDirectory = dataDirectory }), null);

    public async Task CreateTopicAsync(string topic, int partitions)
    {
        if (_mock is not null)
        {
            _mock.CreateTopic(topic, partitions);
            return;
        }
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = Bootstrap }).Build();
        await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = 1 }]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
        if (_mock is not null)
        {
            await _mock.DisposeAsync();
        }
    }
}
