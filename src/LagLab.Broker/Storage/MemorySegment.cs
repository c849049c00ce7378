using LagLab.Protocol.Records;

namespace LagLab.Broker.Storage;

/// <summary>
/// A segment held in memory: batches copied into growing chunks, reads returned as slices of them (no
/// copy). Neighbouring batches in one chunk come back as one slice.
/// </summary>
internal sealed class MemorySegment(long baseOffset) : ILogSegment
{
    private const int FirstChunkSize = 64 * 1024;
    private const int MaxChunkSize = 4 * 1024 * 1024;

    private readonly AppendOnlyList<MemoryBatch> _batches = new();
    private byte[] _chunk = [];
    private int _chunkUsed;
    private int _nextChunkSize = FirstChunkSize;
    private long _size;
    private long _nextOffset = baseOffset;
    private long _maxTimestamp = -1;
    private long _lastModifiedMs;

    public long BaseOffset { get; } = baseOffset;

    public long NextOffset => Volatile.Read(ref _nextOffset);

    public long Size => Volatile.Read(ref _size);

    public long MaxTimestamp => Volatile.Read(ref _maxTimestamp);

    public long LastModifiedMs => Volatile.Read(ref _lastModifiedMs);

    public void Append(ReadOnlySpan<byte> batch, long baseOffset, in RecordBatchHeader header, long? logAppendTime, long nowMs)
    {
        if (_chunk.Length - _chunkUsed < batch.Length)
        {
            _chunk = GC.AllocateUninitializedArray<byte>(Math.Max(_nextChunkSize, batch.Length));
            _chunkUsed = 0;
            _nextChunkSize = Math.Min(_nextChunkSize * 2, MaxChunkSize);
        }
        var stored = _chunk.AsSpan(_chunkUsed, batch.Length);
        batch.CopyTo(stored);
        RecordBatchHeader.WriteBaseOffset(stored, baseOffset);
        RecordBatchHeader.WritePartitionLeaderEpoch(stored, 0);
        if (logAppendTime is { } appendTime)
        {
            RecordBatchHeader.WriteLogAppendTime(stored, appendTime);
        }
        var maxTimestamp = logAppendTime ?? header.MaxTimestamp;
        _batches.Add(new MemoryBatch(baseOffset, baseOffset + header.LastOffsetDelta, maxTimestamp, _chunk, _chunkUsed, batch.Length));
        _chunkUsed += batch.Length;
        Volatile.Write(ref _size, _size + batch.Length);
        Volatile.Write(ref _maxTimestamp, Math.Max(_maxTimestamp, maxTimestamp));
        Volatile.Write(ref _lastModifiedMs, nowMs);
        Volatile.Write(ref _nextOffset, baseOffset + header.LastOffsetDelta + 1);
    }

    public SegmentRead Read(long offset, int maxBytes, bool minOneBatch, long endOffset)
    {
        var batches = _batches.Snapshot();
        var index = FindContaining(batches, offset);
        var chunks = new List<ReadOnlyMemory<byte>>(2);
        byte[]? runChunk = null;
        int runStart = 0, runLength = 0, total = 0;
        for (; index < batches.Length && batches[index].BaseOffset < endOffset; index++)
        {
            var batch = batches[index];
            if ((long)total + batch.Length > maxBytes && !(total == 0 && minOneBatch))
            {
                break;
            }
            if (runChunk == batch.Chunk && runStart + runLength == batch.ChunkOffset)
            {
                runLength += batch.Length;
            }
            else
            {
                if (runChunk is not null)
                {
                    chunks.Add(runChunk.AsMemory(runStart, runLength));
                }
                (runChunk, runStart, runLength) = (batch.Chunk, batch.ChunkOffset, batch.Length);
            }
            total += batch.Length;
        }
        if (runChunk is not null)
        {
            chunks.Add(runChunk.AsMemory(runStart, runLength));
        }
        return total == 0 ? SegmentRead.None : new SegmentRead(chunks, total);
    }

    public ReadOnlyMemory<byte>? FindBatchByTimestamp(long timestamp, long endOffset)
    {
        foreach (var batch in _batches.Snapshot())
        {
            if (batch.BaseOffset >= endOffset)
            {
                break;
            }
            if (batch.MaxTimestamp >= timestamp)
            {
                return batch.Memory;
            }
        }
        return null;
    }

    public IEnumerable<RecordBatchHeader> ReadHeaders(long fromOffset)
    {
        var count = _batches.Count;
        for (var i = 0; i < count; i++)
        {
            var batch = _batches.Snapshot()[i];
            if (batch.LastOffset >= fromOffset)
            {
                yield return RecordBatchHeader.Read(batch.Memory.Span);
            }
        }
    }

    public void Flush()
    {
    }

    public void Seal()
    {
    }

    public void Delete()
    {
    }

    public void Dispose()
    {
    }

    /// <summary>Index of the first batch whose last offset is at or after <paramref name="offset"/>.</summary>
    private static int FindContaining(ReadOnlySpan<MemoryBatch> batches, long offset)
    {
        int low = 0, high = batches.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (batches[middle].LastOffset < offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
