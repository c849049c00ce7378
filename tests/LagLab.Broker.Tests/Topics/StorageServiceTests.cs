using System.Diagnostics.Metrics;
using LagLab.Broker.Tests.Storage;
using LagLab.Broker.Topics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Broker.Tests.Topics;

public sealed class StorageServiceTests
{
    [Fact]
    public async Task Gauges_AfterAppendsAndRetention_ReportLogEndAndStartPerPartition()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var options = new BrokerOptions();
        using var metrics = new BrokerMetrics();
        var topics = new TopicManager(options, time, NullLogger.Instance);
        await using var storage = new StorageService(topics, new LogMaintenance(topics, options, time, NullLogger.Instance), metrics);
        var topic = topics.CreateTopic("orders", 2, 1, [new("segment.bytes", "100"), new("retention.ms", "1000")]).Topic!;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        topic.Partitions[1].Append(Batches.Create(3, timestamp: now - 10_000));
        topic.Partitions[1].Append(Batches.Create(2, timestamp: now));
        topics.ApplyRetention();

        var observed = Observe(metrics.Meter);

        Assert.Equal(0, observed[("laglab_broker_log_end_offset", "orders", 0)]);
        Assert.Equal(5, observed[("laglab_broker_log_end_offset", "orders", 1)]);
        Assert.Equal(3, observed[("laglab_broker_log_start_offset", "orders", 1)]);
    }

    private static Dictionary<(string Name, string Topic, int Partition), long> Observe(Meter meter)
    {
        var observed = new Dictionary<(string, string, int), long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var topic = tags.ToArray().Single(t => t.Key == "topic").Value as string;
            var partition = (int)tags.ToArray().Single(t => t.Key == "partition").Value!;
            observed[(instrument.Name, topic!, partition)] = value;
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return observed;
    }
}
