namespace LagLab.Monitor.Analysis;

/// <summary>A partition's log bounds, independent of groups.</summary>
public sealed record TopicPartitionView(string Topic, int Partition, long Earliest, long Latest);
