using System.Globalization;
using System.Text;
using Confluent.Kafka;
using LagLab.Contracts;

namespace LagLab.Pipeline.Producing;

/// <summary>
/// Writes reconciliation events at a rate profile with an idempotent, acks=all producer; the record key is the account,
/// so an account's events share a partition. Sequences run 1, 2, 3, ... per account; event ids are unique per run.
/// Sends are scheduled against the injected clock (the integral of the profile), so a slow moment catches up.
/// </summary>
public static class EventProducer
{
    private static readonly string[] Currencies = ["EUR", "USD", "GBP", "CHF"];

    /// <summary>How long the end of a run waits for outstanding acknowledgements.</summary>
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After SIGTERM, the wait for acknowledgements is this short: against a broker that is down nothing will be
    /// acknowledged, and a stop must be prompt (it took the whole 30 s). What is not acknowledged is reported as failed.
    /// </summary>
    private static readonly TimeSpan StopFlushTimeout = TimeSpan.FromSeconds(2);

    public static async Task<ProduceSummary> RunAsync(ProduceOptions options, TimeProvider time, Action<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = "laglab-produce",
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            // Follow a partition increase within seconds (librdkafka's default is 5 minutes).
            TopicMetadataRefreshIntervalMs = 5_000,
        };
        foreach (var (key, value) in options.KafkaSettings)
        {
            config.Set(key, value);
        }
        Error? fatal = null;
        using var producer = new ProducerBuilder<byte[], byte[]>(config)
            .SetErrorHandler((_, error) =>
            {
                if (error.IsFatal)
                {
                    fatal = error;
                }
            })
            .Build();
        var random = new Random(options.Seed);
        var sequences = new long[options.Accounts];
        var runId = Guid.NewGuid().ToString("N")[..12];
        long sent = 0;
        long failed = 0;
        long acknowledged = 0;
        var started = time.GetTimestamp();
        var nextProgress = TimeSpan.FromSeconds(5);
        while (!cancellationToken.IsCancellationRequested && (options.Count is not { } max || sent < max))
        {
            if (fatal is not null)
            {
                throw new KafkaException(fatal);
            }
            var elapsed = time.GetElapsedTime(started);
            if (options.Profile.EventsDueBy(elapsed) is not { } due)
            {
                break;
            }
            if (sent >= due)
            {
                // Ahead of schedule: sleep until the next event is due (at most 10 ms, so rate changes are followed).
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(1000 / Math.Max(1, CurrentRate(options.Profile, elapsed)), 1, 10)), time, cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break; // stopped (SIGTERM): flush what was sent and report it
                }
                continue;
            }
            var index = random.Next(options.Accounts);
            var account = options.AccountPrefix + index.ToString("D6", CultureInfo.InvariantCulture);
            var evt = new ReconciliationEvent
            {
                EventId = $"{runId}-{sent:D9}",
                Account = account,
                Sequence = ++sequences[index],
                Amount = Math.Round((decimal)(random.NextDouble() * 2000 - 1000), 2),
                Currency = Currencies[random.Next(Currencies.Length)],
                ProducedAt = time.GetUtcNow(),
            };
            var message = new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(account), Value = ReconciliationEventJson.Serialize(evt) };
            var queued = false;
            while (!queued)
            {
                try
                {
                    producer.Produce(options.Topic, message, report =>
                    {
                        if (report.Error.IsError)
                        {
                            Interlocked.Increment(ref failed);
                        }
                        else
                        {
                            Interlocked.Increment(ref acknowledged);
                        }
                    });
                    queued = true;
                }
                catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        break; // stopped while the queue is full (a broker that is down): this event was never sent
                    }
                    producer.Poll(TimeSpan.FromMilliseconds(50));
                }
                catch (ProduceException<byte[], byte[]> ex) when (ex.Error.IsFatal || fatal is not null)
                {
                    throw new KafkaException(fatal ?? ex.Error);
                }
            }
            if (!queued)
            {
                break;
            }
            sent++;
            if (progress is not null && elapsed >= nextProgress)
            {
                progress($"sent {sent} ({Interlocked.Read(ref acknowledged)} acknowledged)");
                nextProgress += TimeSpan.FromSeconds(5);
            }
        }
        Flush(producer, cancellationToken);
        var outstanding = sent - Interlocked.Read(ref acknowledged) - Interlocked.Read(ref failed);
        return new ProduceSummary(Interlocked.Read(ref acknowledged), Interlocked.Read(ref failed) + outstanding, time.GetElapsedTime(started));
    }

    private static void Flush(IProducer<byte[], byte[]> producer, CancellationToken stopping)
    {
        if (stopping.IsCancellationRequested)
        {
            producer.Flush(StopFlushTimeout);
            return;
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        limit.CancelAfter(FlushTimeout);
        try
        {
            producer.Flush(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // Timed out or stopped while flushing: what is outstanding is counted as failed.
        }
    }

    private static double CurrentRate(RateProfile profile, TimeSpan elapsed)
    {
        var now = profile.EventsDueBy(elapsed) ?? 0;
        var soon = profile.EventsDueBy(elapsed + TimeSpan.FromMilliseconds(100)) ?? now;
        return (soon - now) * 10;
    }
}
