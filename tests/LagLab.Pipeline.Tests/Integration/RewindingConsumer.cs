using System.Collections.Concurrent;
using Confluent.Kafka;

namespace LagLab.Pipeline.Tests.Integration;

/// <summary>
/// The pipeline's real consumer, passed through, except that when asked it seeks every partition it delivered from back
/// to a few records before the last one delivered, inside the Consume call that served a rebalance callback. That is what
/// librdkafka does by itself around a cooperative round (it pauses at the application's position and resumes there while
/// the application is still taking records; issue 9), only at a moment the test chooses: the records come again from
/// librdkafka, over TCP, exactly as in the field.
/// </summary>
internal sealed class RewindingConsumer(IConsumer<byte[]?, byte[]?> inner, int recordsBack) : IConsumer<byte[]?, byte[]?>
{
    private readonly ConcurrentDictionary<TopicPartition, long> _lastDelivered = new();
    private volatile bool _rewindRequested;
    private int _rewinds;

    /// <summary>Seeks done so far (one per partition rewound).</summary>
    public int Rewinds => Volatile.Read(ref _rewinds);

    /// <summary>Asks for a rewind at the end of the Consume call in progress (or the next one).</summary>
    public void RequestRewind() => _rewindRequested = true;

    public ConsumeResult<byte[]?, byte[]?> Consume(TimeSpan timeout)
    {
        var result = inner.Consume(timeout);
        if (result is { IsPartitionEOF: false, Message: not null })
        {
            _lastDelivered[result.TopicPartition] = result.Offset.Value;
        }
        if (_rewindRequested)
        {
            _rewindRequested = false;
            Rewind();
        }
        return result!;
    }

    private void Rewind()
    {
        var owned = inner.Assignment.ToHashSet();
        foreach (var (partition, last) in _lastDelivered)
        {
            if (!owned.Contains(partition))
            {
                continue;
            }
            try
            {
                inner.Seek(new TopicPartitionOffset(partition, Math.Max(0, last - recordsBack)));
                Interlocked.Increment(ref _rewinds);
            }
            catch (KafkaException)
            {
                // Not fetching yet (just assigned): nothing to rewind there.
            }
        }
    }

    public ConsumeResult<byte[]?, byte[]?> Consume(int millisecondsTimeout) => Consume(TimeSpan.FromMilliseconds(millisecondsTimeout));

    public ConsumeResult<byte[]?, byte[]?> Consume(CancellationToken cancellationToken = default) => inner.Consume(cancellationToken);

    public string MemberId => inner.MemberId;

    public List<TopicPartition> Assignment => inner.Assignment;

    public List<string> Subscription => inner.Subscription;

    public IConsumerGroupMetadata ConsumerGroupMetadata => inner.ConsumerGroupMetadata;

    public Handle Handle => inner.Handle;

    public string Name => inner.Name;

    public int AddBrokers(string brokers) => inner.AddBrokers(brokers);

    public void SetSaslCredentials(string username, string password) => inner.SetSaslCredentials(username, password);

    public void Subscribe(IEnumerable<string> topics) => inner.Subscribe(topics);

    public void Subscribe(string topic) => inner.Subscribe(topic);

    public void Unsubscribe() => inner.Unsubscribe();

    public void Assign(TopicPartition partition) => inner.Assign(partition);

    public void Assign(TopicPartitionOffset partition) => inner.Assign(partition);

    public void Assign(IEnumerable<TopicPartitionOffset> partitions) => inner.Assign(partitions);

    public void Assign(IEnumerable<TopicPartition> partitions) => inner.Assign(partitions);

    public void IncrementalAssign(IEnumerable<TopicPartitionOffset> partitions) => inner.IncrementalAssign(partitions);

    public void IncrementalAssign(IEnumerable<TopicPartition> partitions) => inner.IncrementalAssign(partitions);

    public void IncrementalUnassign(IEnumerable<TopicPartition> partitions) => inner.IncrementalUnassign(partitions);

    public void Unassign() => inner.Unassign();

    public void StoreOffset(ConsumeResult<byte[]?, byte[]?> result) => inner.StoreOffset(result);

    public void StoreOffset(TopicPartitionOffset offset) => inner.StoreOffset(offset);

    public List<TopicPartitionOffset> Commit() => inner.Commit();

    public void Commit(IEnumerable<TopicPartitionOffset> offsets) => inner.Commit(offsets);

    public void Commit(ConsumeResult<byte[]?, byte[]?> result) => inner.Commit(result);

    public void Seek(TopicPartitionOffset tpo) => inner.Seek(tpo);

    public void Pause(IEnumerable<TopicPartition> partitions) => inner.Pause(partitions);

    public void Resume(IEnumerable<TopicPartition> partitions) => inner.Resume(partitions);

    public List<TopicPartitionOffset> Committed(TimeSpan timeout) => inner.Committed(timeout);

    public List<TopicPartitionOffset> Committed(IEnumerable<TopicPartition> partitions, TimeSpan timeout) => inner.Committed(partitions, timeout);

    public Offset Position(TopicPartition partition) => inner.Position(partition);

    public List<TopicPartitionOffset> OffsetsForTimes(IEnumerable<TopicPartitionTimestamp> timestampsToSearch, TimeSpan timeout) => inner.OffsetsForTimes(timestampsToSearch, timeout);

    public WatermarkOffsets GetWatermarkOffsets(TopicPartition topicPartition) => inner.GetWatermarkOffsets(topicPartition);

    public WatermarkOffsets QueryWatermarkOffsets(TopicPartition topicPartition, TimeSpan timeout) => inner.QueryWatermarkOffsets(topicPartition, timeout);

    public void Close() => inner.Close();

    public void Dispose() => inner.Dispose();
}
