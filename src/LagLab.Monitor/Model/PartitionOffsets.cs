namespace LagLab.Monitor.Model;

/// <summary>
/// The log of one partition at collection time: <see cref="Earliest"/> is the log start offset and
/// <see cref="Latest"/> the end offset (high watermark, or last stable offset under read_committed).
/// </summary>
public readonly record struct PartitionOffsets(long Earliest, long Latest);
