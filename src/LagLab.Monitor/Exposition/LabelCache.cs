using System.Globalization;
using LagLab.Monitor.Model;

namespace LagLab.Monitor.Exposition;

/// <summary>
/// The label sets of per-partition series, kept across cycles: they are the same every cycle, and building
/// hundreds of thousands of them anew each time dominated the cycle's allocations. Sets not used in a
/// cycle are dropped at its end, so the cache follows groups and partitions as they come and go.
/// </summary>
internal sealed class LabelCache
{
    private readonly Dictionary<(string Group, TopicPartition Partition), (LabelSet Labels, int Cycle)> _groupPartitions = [];
    private readonly Dictionary<TopicPartition, (LabelSet Labels, int Cycle)> _partitions = [];
    private readonly List<string> _partitionNumbers = [];
    private int _cycle;

    public int Count => _groupPartitions.Count + _partitions.Count;

    public void BeginCycle() => _cycle++;

    public LabelSet GroupPartition(string group, string topic, int partition)
    {
        var key = (group, new TopicPartition(topic, partition));
        ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_groupPartitions, key, out var exists);
        if (!exists)
        {
            entry.Labels = LabelSet.FromSorted(new("group", group), new("partition", Partition(partition)), new("topic", topic));
        }
        entry.Cycle = _cycle;
        return entry.Labels;
    }

    public LabelSet Partition(string topic, int partition)
    {
        ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_partitions, new TopicPartition(topic, partition), out var exists);
        if (!exists)
        {
            entry.Labels = LabelSet.FromSorted(new("partition", Partition(partition)), new("topic", topic));
        }
        entry.Cycle = _cycle;
        return entry.Labels;
    }

    /// <summary>Forgets the label sets the current cycle did not use.</summary>
    public void EndCycle()
    {
        foreach (var (key, entry) in _groupPartitions)
        {
            if (entry.Cycle != _cycle)
            {
                _groupPartitions.Remove(key);
            }
        }
        foreach (var (key, entry) in _partitions)
        {
            if (entry.Cycle != _cycle)
            {
                _partitions.Remove(key);
            }
        }
    }

    // One string per partition number, shared by every group and topic (100 groups x 10 topics used to
    // hold a thousand copies of "7").
    private string Partition(int partition)
    {
        if (partition < 0 || partition > 1 << 16)
        {
            return partition.ToString(CultureInfo.InvariantCulture);
        }
        while (_partitionNumbers.Count <= partition)
        {
            _partitionNumbers.Add(_partitionNumbers.Count.ToString(CultureInfo.InvariantCulture));
        }
        return _partitionNumbers[partition];
    }
}
