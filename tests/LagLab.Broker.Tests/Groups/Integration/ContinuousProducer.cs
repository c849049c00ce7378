using Confluent.Kafka;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Groups.Integration;

/// <summary>Produces to every partition of a topic in turn, every few milliseconds, until disposed: the traffic group members consume.</summary>
public sealed class ContinuousProducer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _produced;

    public ContinuousProducer(string bootstrap, string topic, int partitions, TimeSpan interval)
    {
        _loop = Task.Run(async () =>
        {
            using var producer = KafkaClients.Producer(bootstrap, c => c.LingerMs = 1);
            var i = 0;
            while (!_stop.IsCancellationRequested)
            {
                var partition = i % partitions;
                producer.Produce(new TopicPartition(topic, partition), new Message<byte[]?, byte[]?> { Key = BitConverter.GetBytes(i), Value = BitConverter.GetBytes(i) });
                i++;
                Interlocked.Increment(ref _produced);
                try
                {
                    await Task.Delay(interval, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            producer.Flush(TimeSpan.FromSeconds(5));
        });
    }

    public int Produced => Volatile.Read(ref _produced);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
