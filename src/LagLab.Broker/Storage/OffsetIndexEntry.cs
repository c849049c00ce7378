namespace LagLab.Broker.Storage;

/// <summary>
/// One sparse entry of a segment's <c>.index</c>: a batch's base offset relative to the segment, and its
/// byte position in the <c>.log</c>. On disk: two big-endian int32s.
/// </summary>
internal readonly record struct OffsetIndexEntry(int RelativeOffset, int Position)
{
    public const int Size = 8;
}
