using System.Diagnostics.Metrics;

namespace LagLab.Broker.Topics;

/// <summary>
/// The storage side of a running broker: the topic manager, its maintenance loop, and the offset gauges.
/// Disposed last by the broker: stops the loop, then flushes and closes every log, so everything
/// acknowledged is on disk when the broker has stopped.
/// </summary>
internal sealed class StorageService : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _maintenance;

    public StorageService(TopicManager topics, LogMaintenance maintenance, BrokerMetrics metrics)
    {
        Topics = topics;
        metrics.ObserveLogOffsets(() => Measure(p => p.LogEndOffset), () => Measure(p => p.LogStartOffset));
        _maintenance = maintenance.RunAsync(_stopping.Token);
    }

    public TopicManager Topics { get; }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _maintenance;
        Topics.Dispose();
        _stopping.Dispose();
    }

    private IEnumerable<Measurement<long>> Measure(Func<Storage.Partition, long> value) =>
        Topics.Topics.SelectMany(t => t.Partitions.Select(p => new Measurement<long>(value(p),
            new KeyValuePair<string, object?>("topic", t.Name), new KeyValuePair<string, object?>("partition", p.Index))));
}
