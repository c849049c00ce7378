namespace LagLab.Broker.Storage;

/// <summary>Whole batches read from one segment.</summary>
internal readonly record struct SegmentRead(IReadOnlyList<ReadOnlyMemory<byte>> Chunks, int Length)
{
    public static SegmentRead None { get; } = new([], 0);

    /// <summary>The segment holds nothing at or after the offset asked for (it may end before the next segment begins).</summary>
    public static SegmentRead Ended { get; } = new([], 0) { PastEnd = true };

    public bool PastEnd { get; init; }
}
