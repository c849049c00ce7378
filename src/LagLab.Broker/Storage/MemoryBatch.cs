namespace LagLab.Broker.Storage;

/// <summary>Where one stored batch lives in a memory segment's chunks.</summary>
internal readonly record struct MemoryBatch(long BaseOffset, long LastOffset, long MaxTimestamp, byte[] Chunk, int ChunkOffset, int Length)
{
    public ReadOnlyMemory<byte> Memory => Chunk.AsMemory(ChunkOffset, Length);
}
