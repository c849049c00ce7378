using System.Buffers;
using System.Diagnostics.Metrics;
using LagLab.Protocol;
using LagLab.Protocol.Messages.Produce;
using LagLab.Protocol.Records;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Safety;

/// <summary>
/// Issue 10, item 5: ten connections each sending most of a large request took the broker from 57 MB to
/// over 1 GB. With queued.max.request.bytes the broker reads at most that many request bytes at once: the
/// other connections wait unread (back-pressure), and every request is still answered once complete.
/// </summary>
public sealed class QueuedRequestBytesTests
{
    private const int Connections = 10;

    [Fact]
    public async Task TenLargeRequestsHeldIncomplete_QueuedBytesStayWithinTheCapAndAllAreAnsweredWhenComplete()
    {
        var topic = KafkaClients.UniqueTopic("queued");
        var frame = ProduceFrame(topic, valueBytes: 700 * 1024);
        await using var broker = await TestBroker.StartAsync(o =>
        {
            o.MaxRequestSize = 1024 * 1024;
            // Room for two of these requests, not three.
            o.QueuedMaxRequestBytes = (frame.Length * 5L) / 2;
        });
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, 1);
        var peak = 0L;
        var current = 0L;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == broker.Metrics.Meter && instrument.Name == "laglab_broker_queued_request_bytes")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            current = value;
            peak = Math.Max(peak, value);
        });
        listener.Start();

        var clients = new List<RawKafkaClient>();
        var firstWrites = new List<Task>();
        try
        {
            for (var i = 0; i < Connections; i++)
            {
                var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, TestContext.Current.CancellationToken);
                clients.Add(client);
                // Everything but the last byte: the broker has the size, most of the body, and must wait for the rest.
                firstWrites.Add(client.SendRawAsync(frame.AsMemory(0, frame.Length - 1), TestContext.Current.CancellationToken));
            }
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (current != 2L * frame.Length && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
                listener.RecordObservableInstruments();
            }
            await Task.Delay(500, TestContext.Current.CancellationToken);
            listener.RecordObservableInstruments();

            Assert.Equal(2L * frame.Length, current);
            Assert.True(peak <= broker.Options.QueuedMaxRequestBytes, $"peak {peak} bytes above the cap {broker.Options.QueuedMaxRequestBytes}");

            var answers = clients.Select(async (client, i) =>
            {
                // A connection not being read cannot take the rest of its request until the broker reads it.
                await firstWrites[i];
                await client.SendRawAsync(frame.AsMemory(frame.Length - 1), TestContext.Current.CancellationToken);
                return await client.ReadFrameAsync(TestContext.Current.CancellationToken);
            }).ToArray();
            var responses = await Task.WhenAll(answers).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

            Assert.All(responses, Assert.NotNull);
            listener.RecordObservableInstruments();
            Assert.Equal(0, current);
            Assert.True(peak <= broker.Options.QueuedMaxRequestBytes, $"peak {peak} bytes above the cap {broker.Options.QueuedMaxRequestBytes}");
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>A whole Produce v8 frame (size prefix included) carrying one record of <paramref name="valueBytes"/> bytes.</summary>
    private static byte[] ProduceFrame(string topic, int valueBytes)
    {
        var batch = new RecordBatchBuilder().Add(null, new byte[valueBytes], 1_000).Build();
        var request = new ProduceRequest(null, 1, 30_000, [new ProduceRequest.Topic(topic, [new ProduceRequest.Partition(0, batch)])]);
        var output = new ArrayBufferWriter<byte>();
        Frame.WriteRequest(output, new RequestHeader(ApiKey.Produce, 8, 7, "queued-test"), request);
        return output.WrittenSpan.ToArray();
    }
}
