using LagLab.Protocol.Messages.Fetch;
using LagLab.Protocol.Messages.Produce;
using LagLab.Protocol.Records;
using LagLab.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Broker.Tests.Handlers;

/// <summary>An in-memory broker on fake time with one raw protocol connection: for edge cases real clients never send.</summary>
internal sealed class HandlerFixture : IAsyncDisposable
{
    private HandlerFixture(KafkaBroker broker, RawKafkaClient client, FakeTimeProvider time)
    {
        Broker = broker;
        Client = client;
        Time = time;
    }

    public KafkaBroker Broker { get; }

    public RawKafkaClient Client { get; }

    public FakeTimeProvider Time { get; }

    public static async Task<HandlerFixture> StartAsync(Action<BrokerOptions>? configure = null)
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var options = new BrokerOptions { Port = 0 };
        configure?.Invoke(options);
        var broker = await KafkaBroker.StartAsync(options, timeProvider: time);
        var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, TestContext.Current.CancellationToken);
        return new HandlerFixture(broker, client, time);
    }

    public Task<TResponse> SendAsync<TRequest, TResponse>(TRequest request, short version)
        where TRequest : LagLab.Protocol.IKafkaRequest<TRequest, TResponse>
        where TResponse : LagLab.Protocol.IKafkaMessage<TResponse> =>
        Client.SendAsync<TRequest, TResponse>(request, version, TestContext.Current.CancellationToken);

    public static byte[] Batch(int records, int valueSize = 10)
    {
        var builder = new RecordBatchBuilder();
        for (var i = 0; i < records; i++)
        {
            builder.Add(null, new byte[valueSize], 1_000 + i);
        }
        return builder.Build();
    }

    public static ProduceRequest Produce(string topic, byte[] records, short acks = 1, int partition = 0) =>
        new(null, acks, 5_000, [new ProduceRequest.Topic(topic, [new ProduceRequest.Partition(partition, records)])]);

    public static FetchRequest Fetch(string topic, long offset, int maxWaitMs = 0, int minBytes = 1, int partitionMaxBytes = 1024 * 1024, int sessionId = 0, int sessionEpoch = -1) =>
        new(-1, maxWaitMs, minBytes, [new FetchRequest.Topic(topic, [new FetchRequest.Partition(0, offset, partitionMaxBytes)])], SessionId: sessionId, SessionEpoch: sessionEpoch);

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
