using System.Diagnostics.CodeAnalysis;
using LagLab.Broker.Storage;

namespace LagLab.Broker.Topics;

/// <summary>A topic: stable id, config, internal flag, and its partitions (replaced as a whole when partitions are added).</summary>
internal sealed class Topic(string name, Guid id, bool isInternal, TopicConfig config, IReadOnlyList<Partition> partitions)
{
    private IReadOnlyList<Partition> _partitions = partitions;

    public string Name { get; } = name;

    public Guid Id { get; } = id;

    public bool IsInternal { get; } = isInternal;

    public TopicConfig Config { get; } = config;

    public IReadOnlyList<Partition> Partitions => Volatile.Read(ref _partitions);

    public bool TryGetPartition(int index, [NotNullWhen(true)] out Partition? partition)
    {
        var partitions = Partitions;
        partition = index >= 0 && index < partitions.Count ? partitions[index] : null;
        return partition is not null;
    }

    internal void SetPartitions(IReadOnlyList<Partition> partitions) => Volatile.Write(ref _partitions, partitions);
}
