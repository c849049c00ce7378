using System.Buffers.Binary;
using LagLab.Broker.Topics;
using LagLab.Protocol;

namespace LagLab.Broker.Groups.Persistence;

/// <summary>
/// <c>__consumer_offsets</c> as a real internal topic of the broker's storage, so a restart replays every
/// commit and group, and clients that read the topic (Burrow) see Kafka's record formats.
/// </summary>
internal sealed class PartitionOffsetsTopicLog : IOffsetsTopicLog
{
    /// <summary>Large enough to read a partition in few round trips; whole batches are returned regardless.</summary>
    private const int ReadChunkBytes = 4 * 1024 * 1024;

    /// <summary>baseOffset (8) + batchLength (4): the part of a batch header outside its length.</summary>
    private const int BatchLengthPrefix = 12;

    private readonly Topic _topic;

    public PartitionOffsetsTopicLog(TopicManager topics)
    {
        // No compaction here, so offsets are kept forever rather than deleted by time (Kafka compacts instead).
        _topic = topics.GetOrCreateInternalTopic(OffsetsTopic.Name, OffsetsTopic.PartitionCount, [new("retention.ms", "-1")]);
    }

    public void Append(int partition, ReadOnlyMemory<byte> batch)
    {
        var result = _topic.Partitions[partition].Append(batch.Span);
        if (result.Error != ErrorCode.None)
        {
            throw new InvalidOperationException($"Appending to {OffsetsTopic.Name}-{partition} failed: {result.Error} {result.ErrorMessage}");
        }
    }

    public IEnumerable<ReadOnlyMemory<byte>> ReadBatches(int partition)
    {
        var log = _topic.Partitions[partition];
        var offset = log.LogStartOffset;
        while (offset < log.LogEndOffset)
        {
            var read = log.Read(offset, ReadChunkBytes);
            if (read.Error != ErrorCode.None || read.Length == 0)
            {
                yield break;
            }
            foreach (var chunk in read.Chunks)
            {
                for (var position = 0; position + BatchLengthPrefix <= chunk.Length;)
                {
                    var size = BatchLengthPrefix + BinaryPrimitives.ReadInt32BigEndian(chunk.Span[(position + 8)..]);
                    var batch = chunk.Slice(position, Math.Min(size, chunk.Length - position));
                    var lastOffset = BinaryPrimitives.ReadInt64BigEndian(batch.Span) + BinaryPrimitives.ReadInt32BigEndian(batch.Span[23..]);
                    position += size;
                    if (lastOffset < offset)
                    {
                        continue; // the first batch of a read may start before the requested offset
                    }
                    offset = lastOffset + 1;
                    yield return batch;
                }
            }
        }
    }
}
