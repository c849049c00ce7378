using LagLab.Protocol.Records;

namespace LagLab.Broker.Storage;

/// <summary>A batch met by <see cref="SegmentScanner"/>; <see cref="Bytes"/> is valid until the scan moves on.</summary>
internal readonly record struct ScannedBatch(long Position, RecordBatchHeader Header, ReadOnlyMemory<byte> Bytes);
