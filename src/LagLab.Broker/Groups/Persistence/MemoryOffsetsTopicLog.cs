namespace LagLab.Broker.Groups.Persistence;

/// <summary>An in-memory <c>__consumer_offsets</c>: for tests, and for a broker without a data directory.</summary>
internal sealed class MemoryOffsetsTopicLog : IOffsetsTopicLog
{
    private readonly Lock _lock = new();
    private readonly List<ReadOnlyMemory<byte>>[] _partitions =
        Enumerable.Range(0, OffsetsTopic.PartitionCount).Select(_ => new List<ReadOnlyMemory<byte>>()).ToArray();

    public void Append(int partition, ReadOnlyMemory<byte> batch)
    {
        lock (_lock)
        {
            _partitions[partition].Add(batch.ToArray());
        }
    }

    public IEnumerable<ReadOnlyMemory<byte>> ReadBatches(int partition)
    {
        lock (_lock)
        {
            return _partitions[partition].ToArray();
        }
    }

    public int BatchCount
    {
        get
        {
            lock (_lock)
            {
                return _partitions.Sum(p => p.Count);
            }
        }
    }
}
