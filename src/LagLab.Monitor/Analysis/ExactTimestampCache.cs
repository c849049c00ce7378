using LagLab.Monitor.Model;

namespace LagLab.Monitor.Analysis;

/// <summary>
/// Record timestamps by (partition, offset). A record's timestamp never changes, so an entry is valid
/// for as long as some group is committed at that offset; <see cref="Retain"/> drops the others, which
/// bounds the cache by the number of committed positions.
/// </summary>
internal sealed class ExactTimestampCache
{
    private readonly Dictionary<(TopicPartition Partition, long Offset), RecordTimestamp?> _entries = [];

    public int Count => _entries.Count;

    public bool TryGet(TopicPartition partition, long offset, out RecordTimestamp? value) =>
        _entries.TryGetValue((partition, offset), out value);

    public void Set(TopicPartition partition, long offset, RecordTimestamp? value) => _entries[(partition, offset)] = value;

    public void Retain(IReadOnlySet<(TopicPartition Partition, long Offset)> inUse)
    {
        foreach (var key in _entries.Keys)
        {
            if (!inUse.Contains(key))
            {
                _entries.Remove(key);
            }
        }
    }
}
