using Confluent.Kafka;
using LagLab.Monitor.Analysis;
using Microsoft.Extensions.Logging;
using TopicPartition = LagLab.Monitor.Model.TopicPartition;

namespace LagLab.Monitor.Collection;

/// <summary>
/// Exact time lag: reads the one record at a committed offset with an assign-only consumer (never joins
/// a group, never commits) and returns its timestamp. Reads run one at a time on a dedicated consumer;
/// the analyzer caches results and budgets reads per cycle.
/// </summary>
internal sealed class KafkaRecordTimestampReader(MonitorOptions options, ILogger logger) : IRecordTimestampReader, IDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(2);

    private readonly IConsumer<Ignore, Ignore> _consumer = new ConsumerBuilder<Ignore, Ignore>(KafkaSettings.Consumer(options))
        .SetLogHandler((_, _) => { })
        .SetErrorHandler((_, _) => { })
        .Build();

    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _disposed;

    public async Task<RecordTimestamp?> ReadAsync(TopicPartition partition, long offset, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => Read(partition, offset, cancellationToken), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private RecordTimestamp? Read(TopicPartition partition, long offset, CancellationToken cancellationToken)
    {
        var target = new Confluent.Kafka.TopicPartition(partition.Topic, partition.Partition);
        try
        {
            _consumer.Assign(new TopicPartitionOffset(target, offset));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ReadTimeout);
            while (true)
            {
                var result = _consumer.Consume(timeout.Token);
                if (result is { IsPartitionEOF: false, Message: not null } && result.TopicPartition == target)
                {
                    return new RecordTimestamp(result.Offset.Value, result.Message.Timestamp.UtcDateTime);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // nothing at that offset within the timeout (an open transaction, or no record)
        }
        catch (ConsumeException ex)
        {
            MonitorLog.ExactReadFailed(logger, partition.ToString(), offset, ex.Error.Reason);
            return null;
        }
        finally
        {
            _consumer.Unassign();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        // Never close the consumer under a running read (Consume, Unassign): that is a use of a destroyed
        // librdkafka handle. A read ends within ReadTimeout; the gate is never released again.
        _gate.Wait();
        _consumer.Close();
        _consumer.Dispose();
    }
}
