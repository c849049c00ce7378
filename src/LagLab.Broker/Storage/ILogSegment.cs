using LagLab.Protocol.Records;

namespace LagLab.Broker.Storage;

/// <summary>
/// A contiguous run of batches starting at <see cref="BaseOffset"/>. Appends are serialized by the owning
/// log; reads may run concurrently with an append and see a consistent prefix.
/// </summary>
internal interface ILogSegment : IDisposable
{
    long BaseOffset { get; }

    /// <summary>Offset after the last batch; equals <see cref="BaseOffset"/> while empty.</summary>
    long NextOffset { get; }

    long Size { get; }

    /// <summary>Largest batch max timestamp, or -1 when there is none.</summary>
    long MaxTimestamp { get; }

    /// <summary>Wall-clock milliseconds of the last append (or the file's modification time), for retention when timestamps are missing.</summary>
    long LastModifiedMs { get; }

    /// <summary>Copies the batch in, sets its base offset (and LogAppendTime when given) on the stored copy.</summary>
    void Append(ReadOnlySpan<byte> batch, long baseOffset, in RecordBatchHeader header, long? logAppendTime, long nowMs);

    /// <summary>Whole batches from the one containing <paramref name="offset"/>, up to <paramref name="maxBytes"/>, only those starting before <paramref name="endOffset"/>.</summary>
    SegmentRead Read(long offset, int maxBytes, bool minOneBatch, long endOffset);

    /// <summary>First batch whose max timestamp is at least <paramref name="timestamp"/>, as its whole bytes.</summary>
    ReadOnlyMemory<byte>? FindBatchByTimestamp(long timestamp, long endOffset);

    /// <summary>Headers of the batches whose last offset is at or after <paramref name="fromOffset"/>, in order.</summary>
    IEnumerable<RecordBatchHeader> ReadHeaders(long fromOffset);

    /// <summary>Makes appended bytes durable (no-op in memory).</summary>
    void Flush();

    /// <summary>Called when the segment stops being the active one: final index entries, flush.</summary>
    void Seal();

    /// <summary>Closes and removes the segment's storage.</summary>
    void Delete();
}
