using LagLab.Monitor.Model;

namespace LagLab.Monitor.Tests;

/// <summary>Builds <see cref="ClusterSnapshot"/>s for unit tests: partitions, groups, commits, members.</summary>
internal sealed class SnapshotBuilder
{
    private readonly Dictionary<TopicPartition, PartitionOffsets> _partitions = [];
    private readonly Dictionary<string, (string State, List<GroupMember> Members, Dictionary<TopicPartition, long?> Committed)> _groups = [];
    private readonly Dictionary<string, TimeSpan> _retention = [];

    public SnapshotBuilder Partition(string topic, int partition, long latest, long earliest = 0)
    {
        _partitions[new TopicPartition(topic, partition)] = new PartitionOffsets(earliest, latest);
        return this;
    }

    public SnapshotBuilder Retention(string topic, TimeSpan retention)
    {
        _retention[topic] = retention;
        return this;
    }

    public SnapshotBuilder Group(string group, string state = "Stable")
    {
        _groups[group] = (state, [], []);
        return this;
    }

    public SnapshotBuilder Commit(string group, string topic, int partition, long? offset)
    {
        _groups[group].Committed[new TopicPartition(topic, partition)] = offset;
        return this;
    }

    public SnapshotBuilder Member(string group, string memberId, params (string Topic, int Partition)[] assignment)
    {
        _groups[group].Members.Add(new GroupMember(memberId, "client-" + memberId, "/127.0.0.1", assignment.Select(a => new TopicPartition(a.Topic, a.Partition)).ToList()));
        return this;
    }

    public ClusterSnapshot At(DateTimeOffset time) => new(
        time,
        _groups.ToDictionary(g => g.Key, g => new GroupSnapshot(g.Key, g.Value.State, g.Value.Members.ToList(), new Dictionary<TopicPartition, long?>(g.Value.Committed))),
        new Dictionary<TopicPartition, PartitionOffsets>(_partitions),
        new Dictionary<string, TimeSpan>(_retention));
}
