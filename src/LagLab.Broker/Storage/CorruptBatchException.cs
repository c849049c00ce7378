namespace LagLab.Broker.Storage;

/// <summary>
/// A stored batch that cannot be what it claims: impossible length, wrong magic, offsets out of order or a
/// CRC that does not match. Thrown by a segment read, turned into the partition's CORRUPT_MESSAGE by the log
/// (as Kafka answers a fetch that hits a CorruptRecordException), never into a closed connection.
/// </summary>
internal sealed class CorruptBatchException(string segmentPath, long position, string reason)
    : Exception($"{segmentPath} at byte {position}: {reason}")
{
    public string SegmentPath { get; } = segmentPath;

    public long Position { get; } = position;

    public string Reason { get; } = reason;
}
