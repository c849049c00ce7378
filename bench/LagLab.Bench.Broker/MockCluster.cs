using Confluent.Kafka;

namespace LagLab.Bench.Broker;

/// <summary>
/// librdkafka's built-in mock cluster (test.mock.num.brokers), the baseline. It lives inside a client
/// handle; its brokers listen on real loopback sockets, which other clients can use as bootstrap servers.
/// </summary>
internal sealed class MockCluster : IAsyncDisposable
{
    private readonly IProducer<Null, Null> _owner;

    private MockCluster(IProducer<Null, Null> owner, string bootstrapServers)
    {
        _owner = owner;
        BootstrapServers = bootstrapServers;
    }

    public string BootstrapServers { get; }

    public static MockCluster Start()
    {
        var config = new ProducerConfig { BootstrapServers = "unused:9092" };
        config.Set("test.mock.num.brokers", "1");
        var owner = new ProducerBuilder<Null, Null>(config).Build();
        using var admin = new DependentAdminClientBuilder(owner.Handle).Build();
        var broker = admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.Single();
        return new MockCluster(owner, $"{broker.Host}:{broker.Port}");
    }

    public ValueTask DisposeAsync()
    {
        _owner.Dispose();
        return ValueTask.CompletedTask;
    }
}
