namespace LagLab.Broker.Storage;

/// <summary>Whole batches read from one segment.</summary>
internal readonly record struct SegmentRead(IReadOnlyList<ReadOnlyMemory<byte>> Chunks, int Length)
{
    public static SegmentRead None { get; } = new([], 0);
}
