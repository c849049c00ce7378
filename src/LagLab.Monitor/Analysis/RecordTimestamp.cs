namespace LagLab.Monitor.Analysis;

/// <summary>
/// The record read for an offset: <see cref="Offset"/> can be past the one asked for when compaction
/// removed it, and is then the next record the consumer will see.
/// </summary>
public readonly record struct RecordTimestamp(long Offset, DateTimeOffset Timestamp);
