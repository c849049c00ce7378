using LagLab.Protocol.Records;

namespace LagLab.Broker.Storage;

/// <summary>
/// The log of one partition: record batches stored as received, offsets assigned on append. Two
/// implementations: <see cref="MemoryLog"/> and <see cref="FileLog"/>. Mutations are serialized inside;
/// reads are lock-free and safe while an append or retention runs.
/// </summary>
internal interface IPartitionLog : IDisposable
{
    long LogStartOffset { get; }

    /// <summary>Next offset to assign; also the high watermark on this single-replica broker.</summary>
    long LogEndOffset { get; }

    long Size { get; }

    int SegmentCount { get; }

    /// <summary>Raised inside an append when a new segment starts, with its base offset (producer-state snapshots hook here).</summary>
    event Action<long>? SegmentRolled;

    /// <summary>Appends one validated batch at <see cref="LogEndOffset"/> and returns its base offset.</summary>
    long Append(ReadOnlySpan<byte> batch, in RecordBatchHeader header, long? logAppendTime);

    LogReadResult Read(long offset, int maxBytes, bool minOneBatch = true);

    /// <summary>First offset whose timestamp is at least <paramref name="timestamp"/> (see docs/broker.md for exactness).</summary>
    TimestampOffset? FindOffsetByTimestamp(long timestamp);

    IEnumerable<RecordBatchHeader> ReadHeaders(long fromOffset);

    /// <summary>fsync when something was appended since the last flush.</summary>
    void Flush();

    /// <summary>Deletes whole closed segments past retention.ms or retention.bytes; returns how many.</summary>
    int ApplyRetention(long nowMs);

    /// <summary>Closes the log and removes its storage.</summary>
    void Delete();
}
