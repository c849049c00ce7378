namespace LagLab.Broker.Storage;

/// <summary>An offset and the timestamp of the record at it (ListOffsets by timestamp).</summary>
internal readonly record struct TimestampOffset(long Timestamp, long Offset);
