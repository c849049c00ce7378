using Confluent.Kafka;
using LagLab.Broker;
using LagLab.Monitor.Analysis;
using LagLab.Testing;

namespace LagLab.Monitor.Tests.Integration;

/// <summary>The embedded broker on loopback plus the real Confluent clients and a monitor pointed at it.</summary>
internal sealed class BrokerFixture : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    private BrokerFixture(KafkaBroker broker) => Broker = broker;

    public KafkaBroker Broker { get; private set; }

    public string Bootstrap => Broker.BootstrapServers;

    public static async Task<BrokerFixture> StartAsync(Action<BrokerOptions>? configure = null) =>
        new(await TestBroker.StartAsync(configure));

    public MonitorOptions MonitorOptions(TimeSpan? interval = null) => new()
    {
        BootstrapServers = Bootstrap,
        Listen = "127.0.0.1:0",
        Interval = interval ?? TimeSpan.FromMilliseconds(250),
        StatusWindow = TimeSpan.FromSeconds(2),
        CycleTimeout = TimeSpan.FromSeconds(5),
    };

    public async Task<LagMonitor> StartMonitorAsync(MonitorOptions options)
    {
        var monitor = await LagMonitor.StartAsync(options, cancellationToken: TestContext.Current.CancellationToken);
        _owned.Add(monitor);
        return monitor;
    }

    /// <summary>Produces <paramref name="counts"/>[p] records to each partition p; returns their timestamps by (partition, offset).</summary>
    public async Task<Dictionary<(int Partition, long Offset), DateTimeOffset>> ProduceAsync(string topic, params int[] counts)
    {
        var stamps = new Dictionary<(int, long), DateTimeOffset>();
        using var producer = KafkaClients.Producer(Bootstrap);
        for (var partition = 0; partition < counts.Length; partition++)
        {
            for (var i = 0; i < counts[partition]; i++)
            {
                var result = await producer.ProduceAsync(new TopicPartition(topic, partition), new Message<byte[]?, byte[]?> { Value = [1, 2, 3] }, TestContext.Current.CancellationToken);
                stamps[(partition, result.Offset.Value)] = result.Message.Timestamp.UtcDateTime;
            }
        }
        return stamps;
    }

    /// <summary>Commits offsets for a group without joining it (the group stays Empty), as tools do.</summary>
    public void Commit(string group, string topic, params (int Partition, long Offset)[] offsets)
    {
        using var consumer = KafkaClients.AssignConsumer(Bootstrap, c => c.GroupId = group);
        consumer.Commit(offsets.Select(o => new TopicPartitionOffset(topic, o.Partition, o.Offset)));
        consumer.Close();
    }

    public static async Task<GroupView> WaitForGroupAsync(LagMonitor monitor, string group, Func<GroupView, bool> condition, TimeSpan? timeout = null) =>
        (await WaitForSnapshotAsync(monitor, group, condition, timeout)).Group;

    /// <summary>Waits for one published view in which the group meets the condition; returns that view with the group,
    /// so a test compares the group against the time of the same cycle (the monitor publishes a new view every interval).</summary>
    public static async Task<(MonitorView View, GroupView Group)> WaitForSnapshotAsync(LagMonitor monitor, string group, Func<GroupView, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var snapshot = monitor.View;
            if (monitor.Health.Up && snapshot.FindGroup(group) is { } view && condition(view))
            {
                return (snapshot, view);
            }
            if (DateTime.UtcNow > deadline)
            {
                var last = monitor.View.FindGroup(group);
                throw new TimeoutException($"group {group} never met the condition; last: {(last is null ? "absent" : $"status {last.Status}, lag {last.LagSum}, state {last.State}")}; health: {monitor.Health}");
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public static async Task<string> WaitForMetricsAsync(LagMonitor monitor, Func<string, bool> condition, TimeSpan? timeout = null)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var text = await http.GetStringAsync(new Uri(monitor.Url, "metrics"), TestContext.Current.CancellationToken);
            if (condition(text))
            {
                return text;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("metrics never met the condition:\n" + text);
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Stops the broker (the cluster becomes unreachable) and starts a fresh one on the same port.</summary>
    public async Task StopAsync() => await Broker.DisposeAsync();

    public async Task RestartAsync(int port) => Broker = await TestBroker.StartAsync(o => o.Port = port);

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
        await Broker.DisposeAsync();
    }
}
