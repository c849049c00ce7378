using System.Text;
using Confluent.Kafka;
using LagLab.Contracts;
using LagLab.Scenarios.Profiles;

namespace LagLab.LoadTest.Traffic;

/// <summary>
/// Produces reconciliation events at the scenario's rate profile (on the run's wall clock: periods compressed,
/// rates not), keyed by account with a per-account sequence, through an idempotent acks=all Confluent.Kafka producer.
/// Every tick it sends what the profile's integral says is due, so the count over any window is exact.
/// </summary>
internal sealed class EventProducer : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private static readonly string[] Currencies = ["EUR", "USD", "GBP", "CHF"];
    private readonly IProducer<string, byte[]> _producer;
    private readonly ProducedLog _log;
    private readonly string _topic;
    private readonly RateProfile _rate;
    private readonly long[] _sequences;
    private readonly Random _random;
    private readonly TimeProvider _time;

    public EventProducer(string bootstrapServers, IReadOnlyDictionary<string, string> settings, string topic, RateProfile wallRate, int accounts, ProducedLog log, int seed, TimeProvider time)
    {
        var config = new ProducerConfig(settings.ToDictionary(kv => kv.Key, kv => kv.Value))
        {
            BootstrapServers = bootstrapServers,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            // A frozen or restarting broker must not fail events: they wait and go when it is back.
            MessageTimeoutMs = 600_000,
            // add_partitions must reach the partitioner within seconds, not librdkafka's default 5 minutes.
            TopicMetadataRefreshIntervalMs = 5_000,
            ClientId = "laglab-loadtest-producer",
        };
        _producer = new ProducerBuilder<string, byte[]>(config).SetLogHandler((_, _) => { }).Build();
        _topic = topic;
        _rate = wallRate;
        _sequences = new long[accounts];
        _log = log;
        _random = new Random(seed);
        _time = time;
    }

    /// <summary>Produces from <paramref name="start"/> (a <see cref="TimeProvider"/> timestamp) for <paramref name="duration"/>, then flushes.</summary>
    public async Task RunAsync(long start, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Tick, _time);
        var end = duration.TotalSeconds;
        long sent = 0;
        try
        {
            while (true)
            {
                var elapsed = Math.Min(_time.GetElapsedTime(start).TotalSeconds, end);
                var due = (long)Math.Floor(_rate.Integral(0, elapsed) + 1e-9);
                for (; sent < due; sent++)
                {
                    Send();
                }
                if (elapsed >= end || !await timer.WaitForNextTickAsync(cancellationToken))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        // Whatever was sent is delivered (or fails) before the run stops counting.
        await Task.Run(() => _producer.Flush(TimeSpan.FromSeconds(30)), CancellationToken.None);
    }

    private void Send()
    {
        var now = _time.GetUtcNow();
        var number = _log.Add(now.ToUnixTimeMilliseconds());
        var accountIndex = _random.Next(_sequences.Length);
        var account = "acct-" + accountIndex.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        var value = new ReconciliationEvent
        {
            EventId = _log.EventId(number),
            Account = account,
            Sequence = ++_sequences[accountIndex],
            Amount = Math.Round((decimal)(_random.NextDouble() * 2000) - 1000m, 2),
            Currency = Currencies[accountIndex % Currencies.Length],
            ProducedAt = now,
        };
        var message = new Message<string, byte[]>
        {
            Key = account,
            Value = ReconciliationEventJson.Serialize(value),
            Timestamp = new Timestamp(now.UtcDateTime, TimestampType.CreateTime),
            Headers = [new Header("event-id", Encoding.UTF8.GetBytes(value.EventId))],
        };
        while (true)
        {
            try
            {
                _producer.Produce(_topic, message, report =>
                {
                    if (report.Error.IsError)
                    {
                        _log.MarkFailed();
                    }
                    else
                    {
                        _log.MarkDelivered(number, report.Partition.Value, report.Offset.Value);
                    }
                });
                return;
            }
            catch (ProduceException<string, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                // The local queue is full (broker away): wait for room rather than drop.
                _producer.Poll(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    public void Dispose() => _producer.Dispose();
}
