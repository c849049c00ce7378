namespace LagLab.Monitor.Analysis;

/// <summary>A partition's status, and whether the window held enough samples to judge it (Burrow's "complete").</summary>
public readonly record struct PartitionVerdict(ConsumerStatus Status, bool Complete);
