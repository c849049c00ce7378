using System.Diagnostics.Metrics;
using LagLab.Protocol;
using LagLab.Protocol.Messages.ApiVersions;
using LagLab.Protocol.Messages.Fetch;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Safety;

/// <summary>
/// Issue 10, item 3: a damaged batch in a closed segment used to throw inside the read, close the
/// connection and leave the consumer waiting at that offset forever with no error. Now the partition is
/// answered CORRUPT_MESSAGE (the others of the same request are served, the connection stays), the damage
/// is logged and counted once, and the application sees a consume error.
/// </summary>
public sealed class CorruptClosedSegmentTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>Two partitions of 20 records; in partition 0 the second batch of the first (closed) segment gets an impossible length.</summary>
    private async Task<StoredLog> DamagedAsync()
    {
        var log = await StoredLog.CreateAsync(_directory.Path, partitions: 2, records: 20);
        var segments = log.Segments(0);
        Assert.True(segments.Length > 2, $"expected several segments, got {segments.Length}");
        StoredLog.DamageLength(segments[0], StoredLog.Batches(segments[0])[1].Position);
        return log;
    }

    [Fact]
    public async Task Fetch_OverDamagedClosedSegment_AnswersCorruptMessageServesOtherPartitionsKeepsConnection()
    {
        var log = await DamagedAsync();
        await using var broker = await StoredLog.StartAsync(_directory.Path);
        var found = new List<long>();
        using var listener = CountCorruptBatches(log.Topic, found);
        await using var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, TestContext.Current.CancellationToken);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var response = await client.SendAsync<FetchRequest, FetchResponse>(
                new FetchRequest(-1, 0, 1, [new FetchRequest.Topic(log.Topic, [new FetchRequest.Partition(0, 1, 1 << 20), new FetchRequest.Partition(1, 0, 1 << 20)])]), 11, TestContext.Current.CancellationToken);

            var partitions = response.Responses.Single().Partitions;
            Assert.Equal(ErrorCode.CorruptMessage, partitions[0].ErrorCode);
            Assert.Equal(ErrorCode.None, partitions[1].ErrorCode);
            Assert.True(partitions[1].Records.Sum(r => r.Length) > 0, "the healthy partition of the same request is served");
        }
        var before = await client.SendAsync<FetchRequest, FetchResponse>(
            new FetchRequest(-1, 0, 1, [new FetchRequest.Topic(log.Topic, [new FetchRequest.Partition(0, 0, 1 << 20)])]), 11, TestContext.Current.CancellationToken);
        Assert.Equal(ErrorCode.None, before.Responses[0].Partitions[0].ErrorCode);
        Assert.True(before.Responses[0].Partitions[0].Records.Sum(r => r.Length) > 0, "the batch before the damage is still served");
        var versions = await client.SendAsync<ApiVersionsRequest, ApiVersionsResponse>(new ApiVersionsRequest(), 3, TestContext.Current.CancellationToken);
        Assert.Equal(ErrorCode.None, versions.ErrorCode);

        listener.RecordObservableInstruments();
        Assert.Equal([0L], found);
    }

    [Fact]
    public async Task Consume_OverDamagedClosedSegment_ApplicationSeesCorruptMessageError()
    {
        var log = await DamagedAsync();
        await using var broker = await StoredLog.StartAsync(_directory.Path);

        var (numbers, error) = StoredLog.ConsumeAll(broker.BootstrapServers, log.Topic, 0);

        Assert.Equal([0], numbers);
        Assert.NotNull(error);
        Assert.Equal(2, (int)error.Code);
        var (healthy, healthyError) = StoredLog.ConsumeAll(broker.BootstrapServers, log.Topic, 1);
        Assert.Null(healthyError);
        Assert.Equal(Enumerable.Range(0, 20), healthy);
    }

    private static MeterListener CountCorruptBatches(string topic, List<long> partitions)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == BrokerMetrics.MeterName && instrument.Name == "laglab_broker_corrupt_batches")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var tagged = tags.ToArray();
            if (tagged.Any(t => t.Key == "topic" && (string?)t.Value == topic))
            {
                lock (partitions)
                {
                    for (var i = 0; i < value; i++)
                    {
                        partitions.Add(Convert.ToInt64(tagged.First(t => t.Key == "partition").Value, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
            }
        });
        listener.Start();
        return listener;
    }
}
