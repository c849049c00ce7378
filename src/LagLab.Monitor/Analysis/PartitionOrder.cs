using LagLab.Monitor.Model;

namespace LagLab.Monitor.Analysis;

/// <summary>Orders a group's committed offsets by partition (topic, then number); keys are unique, so an unstable sort is exact.</summary>
internal sealed class PartitionOrder : IComparer<KeyValuePair<TopicPartition, long?>>
{
    public static PartitionOrder Instance { get; } = new();

    public int Compare(KeyValuePair<TopicPartition, long?> x, KeyValuePair<TopicPartition, long?> y) => x.Key.CompareTo(y.Key);
}
