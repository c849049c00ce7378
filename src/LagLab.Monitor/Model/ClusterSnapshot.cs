namespace LagLab.Monitor.Model;

/// <summary>
/// Everything one collection cycle read. Committed offsets were read before end offsets, so for a
/// partition that only moves forward, committed ≤ latest holds.
/// </summary>
/// <param name="Time">When the end offsets were read (the sample time of the time-lag estimator).</param>
/// <param name="TopicRetention">retention.ms per topic, when known and time-based (absent: unknown or infinite).</param>
public sealed record ClusterSnapshot(
    DateTimeOffset Time,
    IReadOnlyDictionary<string, GroupSnapshot> Groups,
    IReadOnlyDictionary<TopicPartition, PartitionOffsets> Partitions,
    IReadOnlyDictionary<string, TimeSpan> TopicRetention);
