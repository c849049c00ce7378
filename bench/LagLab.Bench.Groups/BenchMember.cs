using Confluent.Kafka;

namespace LagLab.Bench.Groups;

/// <summary>One Confluent.Kafka group consumer on its own thread, reporting its rebalance callbacks to an <see cref="Ownership"/>.</summary>
internal sealed class BenchMember
{
    private readonly IConsumer<Ignore, Ignore> _consumer;
    private readonly Thread _thread;
    private volatile bool _stop;

    public BenchMember(string name, Setup setup, string? instanceId)
    {
        Name = name;
        var config = new ConsumerConfig
        {
            BootstrapServers = setup.Bootstrap,
            GroupId = setup.Group,
            ClientId = name,
            GroupInstanceId = instanceId,
            PartitionAssignmentStrategy = setup.Strategy == Strategy.Cooperative ? PartitionAssignmentStrategy.CooperativeSticky : PartitionAssignmentStrategy.Range,
            SessionTimeoutMs = setup.SessionTimeoutMs,
            HeartbeatIntervalMs = setup.HeartbeatIntervalMs,
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Latest,
            FetchWaitMaxMs = 100,
        };
        _consumer = new ConsumerBuilder<Ignore, Ignore>(config)
            .SetPartitionsAssignedHandler((_, partitions) => setup.Ownership.Assigned(name, partitions.Select(p => p.Partition.Value), setup.Clock()))
            .SetPartitionsRevokedHandler((_, partitions) => setup.Ownership.Revoked(name, partitions.Select(p => p.Partition.Value), setup.Clock()))
            .SetPartitionsLostHandler((_, partitions) => setup.Ownership.Revoked(name, partitions.Select(p => p.Partition.Value), setup.Clock()))
            .SetLogHandler((_, _) => { })
            .Build();
        _thread = new Thread(() => Run(setup.Topic)) { IsBackground = true, Name = name };
        _thread.Start();
    }

    public string Name { get; }

    /// <summary>Closes the consumer: a dynamic member sends LeaveGroup, a static one leaves silently (KIP-345).</summary>
    public void Stop()
    {
        _stop = true;
        _thread.Join();
    }

    private void Run(string topic)
    {
        _consumer.Subscribe(topic);
        while (!_stop)
        {
            _consumer.Consume(TimeSpan.FromMilliseconds(50));
        }
        _consumer.Close();
        _consumer.Dispose();
    }
}
