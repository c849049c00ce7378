namespace LagLab.Monitor.Analysis;

/// <summary>One poll of one group's partition: committed offset (null: none), end offset and current lag.</summary>
internal readonly record struct PartitionSample(DateTimeOffset Time, long? Committed, long Latest, long? Lag);
