using System.Globalization;
using LagLab.Broker.Topics;
using LagLab.Protocol.Records;

namespace LagLab.Broker.Groups.Persistence;

/// <summary>
/// <c>__consumer_offsets</c> as an internal topic of the broker's own storage, with its 50 partitions. This
/// broker cannot compact: the topic has a short time retention instead, and the coordinator rewrites its
/// live state more often than that (<see cref="OffsetsTopic.RefreshInterval"/>).
/// </summary>
internal sealed class TopicOffsetsLog : IOffsetsTopicLog
{
    /// <summary>Small segments, so retention can drop superseded records soon (Kafka uses 100 MiB and compaction).</summary>
    private const long SegmentBytes = 8L * 1024 * 1024;

    private const int ReadChunkBytes = 4 * 1024 * 1024;

    private readonly Topic _topic;

    private TopicOffsetsLog(Topic topic) => _topic = topic;

    public static TopicOffsetsLog Open(TopicManager topics) =>
        new(topics.GetOrCreateInternalTopic(OffsetsTopic.Name, OffsetsTopic.PartitionCount,
        [
            new(TopicConfigs.RetentionMs, ((long)OffsetsTopic.Retention.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)),
            new(TopicConfigs.RetentionBytes, "-1"),
            new(TopicConfigs.SegmentBytes, SegmentBytes.ToString(CultureInfo.InvariantCulture)),
            new(TopicConfigs.MaxMessageBytes, (16 * 1024 * 1024).ToString(CultureInfo.InvariantCulture)),
        ]));

    public void Append(int partition, ReadOnlyMemory<byte> batch)
    {
        var result = Partition(partition).Append(batch.Span);
        if (result.Error != Protocol.ErrorCode.None)
        {
            throw new IOException($"Appending to {OffsetsTopic.Name}-{partition} failed: {result.Error} {result.ErrorMessage}");
        }
    }

    public IEnumerable<ReadOnlyMemory<byte>> ReadBatches(int partition)
    {
        var log = Partition(partition);
        var offset = log.LogStartOffset;
        while (offset < log.LogEndOffset)
        {
            var read = log.Read(offset, ReadChunkBytes);
            if (read.Error != Protocol.ErrorCode.None || read.Length == 0)
            {
                yield break;
            }
            var next = offset;
            foreach (var chunk in read.Chunks)
            {
                foreach (var batch in RecordBatchReader.SplitBatches(chunk))
                {
                    var header = RecordBatchHeader.Read(batch.Span);
                    if (header.LastOffset < offset)
                    {
                        continue;
                    }
                    yield return batch;
                    next = header.LastOffset + 1;
                }
            }
            if (next == offset)
            {
                yield break;
            }
            offset = next;
        }
    }

    private Storage.Partition Partition(int index) =>
        _topic.TryGetPartition(index, out var partition) ? partition : throw new InvalidOperationException($"{OffsetsTopic.Name} has no partition {index}.");
}
