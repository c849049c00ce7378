namespace LagLab.Protocol.Records;

/// <summary>A record decoded from an uncompressed batch, with its absolute offset and timestamp.</summary>
public sealed record Record(long Offset, long Timestamp, ReadOnlyMemory<byte>? Key, ReadOnlyMemory<byte>? Value, IReadOnlyList<RecordHeader> Headers);
