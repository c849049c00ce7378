namespace LagLab.Broker.Storage;

/// <summary>
/// One sparse entry of a segment's <c>.timeindex</c>: the largest timestamp seen so far in the segment
/// (batches up to and including the one at <see cref="RelativeOffset"/>). On disk: int64 then int32, big-endian.
/// </summary>
internal readonly record struct TimeIndexEntry(long Timestamp, int RelativeOffset)
{
    public const int Size = 12;
}
