using System.Buffers;
using System.Buffers.Binary;
using LagLab.Protocol.Records;

namespace LagLab.Broker.Storage;

/// <summary>
/// A segment on disk: <c>.log</c> (batches exactly as stored), <c>.index</c> and <c>.timeindex</c>
/// (sparse, also kept in memory for lookups). Writes go straight to the file with pwrite, never through a
/// user-space buffer, so an acknowledged batch survives the process being killed. Reads are pread of
/// whole batches.
/// </summary>
internal sealed partial class FileSegment : ILogSegment
{
    private readonly FileHandleCache _handles;
    private readonly string _logPath;
    // Index files are only written while the segment is active; closed segments answer lookups from memory.
    private readonly string _offsetIndexPath;
    private readonly string _timeIndexPath;
    private bool _closed;
    private readonly AppendOnlyList<OffsetIndexEntry> _offsetIndex = new();
    private readonly AppendOnlyList<TimeIndexEntry> _timeIndex = new();
    private long _size;
    private long _nextOffset;
    private long _maxTimestamp = -1;
    private long _offsetOfMaxTimestamp;
    private long _lastModifiedMs;
    private int _bytesSinceIndexEntry;

    private FileSegment(string directory, long baseOffset, FileMode mode, FileHandleCache handles)
    {
        Directory = directory;
        BaseOffset = baseOffset;
        _handles = handles;
        _nextOffset = baseOffset;
        _offsetOfMaxTimestamp = baseOffset;
        _logPath = SegmentFiles.Path(directory, baseOffset, SegmentFiles.LogExtension);
        _offsetIndexPath = SegmentFiles.Path(directory, baseOffset, SegmentFiles.OffsetIndexExtension);
        _timeIndexPath = SegmentFiles.Path(directory, baseOffset, SegmentFiles.TimeIndexExtension);
        foreach (var path in new[] { _logPath, _offsetIndexPath, _timeIndexPath })
        {
            // Made (or emptied) here; every later access borrows a handle from the cache.
            File.OpenHandle(path, mode, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete).Dispose();
        }
    }

    public string Directory { get; }

    public long BaseOffset { get; }

    public long NextOffset => Volatile.Read(ref _nextOffset);

    public long Size => Volatile.Read(ref _size);

    public long MaxTimestamp => Volatile.Read(ref _maxTimestamp);

    public long LastModifiedMs => Volatile.Read(ref _lastModifiedMs);

    /// <summary>Bytes cut from a torn or corrupt tail when the segment was recovered.</summary>
    public long TruncatedBytes { get; private set; }

    /// <summary>A new, empty segment (replacing any leftover files of the same name).</summary>
    public static FileSegment Create(string directory, long baseOffset, long nowMs, FileHandleCache handles) =>
        new(directory, baseOffset, FileMode.Create, handles) { _lastModifiedMs = nowMs };

    public void Append(ReadOnlySpan<byte> batch, long baseOffset, in RecordBatchHeader header, long? logAppendTime, long nowMs)
    {
        // The stored copy differs from the request only in its first 61 bytes (offset, epoch, maybe time and CRC).
        Span<byte> head = stackalloc byte[RecordBatchHeader.Size];
        batch[..RecordBatchHeader.Size].CopyTo(head);
        RecordBatchHeader.WriteBaseOffset(head, baseOffset);
        RecordBatchHeader.WritePartitionLeaderEpoch(head, 0);
        var position = _size;
        using var log = Borrow(_logPath);
        if (logAppendTime is { } appendTime)
        {
            var rented = ArrayPool<byte>.Shared.Rent(batch.Length);
            try
            {
                batch.CopyTo(rented);
                head.CopyTo(rented);
                RecordBatchHeader.WriteLogAppendTime(rented.AsSpan(0, batch.Length), appendTime);
                RandomAccess.Write(log.Handle, rented.AsSpan(0, batch.Length), position);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        else
        {
            RandomAccess.Write(log.Handle, head, position);
            RandomAccess.Write(log.Handle, batch[RecordBatchHeader.Size..], position + RecordBatchHeader.Size);
        }
        Track(position, baseOffset, baseOffset + header.LastOffsetDelta, logAppendTime ?? header.MaxTimestamp, batch.Length, writeIndexFiles: true);
        Volatile.Write(ref _lastModifiedMs, nowMs);
    }

    public SegmentRead Read(long offset, int maxBytes, bool minOneBatch, long endOffset)
    {
        var size = Size;
        var (position, firstBase, firstSize) = FindContaining(offset, size);
        if (position >= size)
        {
            return SegmentRead.Ended;
        }
        if (firstBase >= endOffset)
        {
            return SegmentRead.None;
        }
        var want = Math.Min(maxBytes, size - position);
        if (want < firstSize)
        {
            if (!minOneBatch)
            {
                return SegmentRead.None;
            }
            want = firstSize;
        }
        var buffer = GC.AllocateUninitializedArray<byte>((int)want);
        ReadExactly(buffer, position);
        var length = 0;
        var expectedBase = firstBase;
        while (length + RecordBatchHeader.LogOverhead <= buffer.Length)
        {
            var batch = buffer.AsSpan(length);
            var batchSize = RecordBatchHeader.ReadTotalSize(batch);
            if (batchSize < RecordBatchHeader.Size || position + length + batchSize > size)
            {
                // Past the end of the segment: not a short read, a damaged length.
                ThrowIfFirst(length, position, $"batch length {batchSize} does not fit in the segment ({size} bytes)");
                break;
            }
            if (length + batchSize > buffer.Length)
            {
                break;
            }
            var baseOffset = RecordBatchHeader.ReadBaseOffset(batch);
            if (baseOffset >= endOffset)
            {
                break;
            }
            // Stored batches are checked before they are served: a flipped bit must reach the consumer as an error, not as data.
            if (baseOffset < expectedBase || batch[RecordBatchHeader.MagicOffset] != RecordBatchHeader.CurrentMagic || !RecordBatchHeader.IsCrcValid(batch[..batchSize]))
            {
                ThrowIfFirst(length, position, baseOffset < expectedBase ? $"batch base offset {baseOffset} is below {expectedBase}" : "magic or CRC-32C does not match the batch");
                break;
            }
            expectedBase = baseOffset + BinaryPrimitives.ReadInt32BigEndian(batch[RecordBatchHeader.LastOffsetDeltaOffset..]) + 1;
            length += batchSize;
        }
        return length == 0 ? SegmentRead.None : new SegmentRead([buffer.AsMemory(0, length)], length);
    }

    /// <summary>The first batch of a read is the one asked for, so its damage is the answer; a later one is left for the next read.</summary>
    private void ThrowIfFirst(int length, long position, string reason)
    {
        if (length == 0)
        {
            throw new CorruptBatchException(LogPath, position, reason);
        }
    }

    private string LogPath => SegmentFiles.Path(Directory, BaseOffset, SegmentFiles.LogExtension);

    public ReadOnlyMemory<byte>? FindBatchByTimestamp(long timestamp, long endOffset)
    {
        var size = Size;
        var position = (long)StartPositionForTimestamp(timestamp);
        Span<byte> head = stackalloc byte[RecordBatchHeader.Size];
        while (position + RecordBatchHeader.Size <= size)
        {
            ReadExactly(head, position);
            var header = RecordBatchHeader.Read(head);
            if (header.TotalSize < RecordBatchHeader.Size || position + header.TotalSize > size)
            {
                throw new CorruptBatchException(LogPath, position, $"batch length {header.TotalSize} does not fit in the segment ({size} bytes)");
            }
            if (header.BaseOffset >= endOffset)
            {
                return null;
            }
            if (header.MaxTimestamp >= timestamp)
            {
                var batch = new byte[header.TotalSize];
                ReadExactly(batch, position);
                return batch;
            }
            position += header.TotalSize;
        }
        return null;
    }

    public IEnumerable<RecordBatchHeader> ReadHeaders(long fromOffset)
    {
        using var log = Borrow(_logPath);
        var scanner = new SegmentScanner(log.Handle, LookupPosition(fromOffset), Size);
        foreach (var batch in scanner.Scan())
        {
            if (batch.Header.LastOffset >= fromOffset)
            {
                yield return batch.Header;
            }
        }
    }

    public void Flush()
    {
        using var log = Borrow(_logPath);
        RandomAccess.FlushToDisk(log.Handle);
    }

    public void Seal()
    {
        var lastEntry = _timeIndex.Count > 0 ? _timeIndex.Last.Timestamp : -1;
        if (_maxTimestamp > lastEntry)
        {
            // The closed segment's newest timestamp must survive a restart: retention and lookups read it from here.
            AddTimeIndexEntry(new TimeIndexEntry(_maxTimestamp, (int)(_offsetOfMaxTimestamp - BaseOffset)));
        }
        foreach (var path in new[] { _logPath, _offsetIndexPath, _timeIndexPath })
        {
            using var file = Borrow(path);
            RandomAccess.FlushToDisk(file.Handle);
        }
        CloseIndexFiles();
    }

    /// <summary>A closed segment never touches its index files again: their handles go at once, not when the cache needs room.</summary>
    private void CloseIndexFiles()
    {
        _handles.Forget(_offsetIndexPath);
        _handles.Forget(_timeIndexPath);
    }

    public void Delete()
    {
        Dispose();
        if (!System.IO.Directory.Exists(Directory))
        {
            // The partition folder was renamed for deletion; it goes as a whole.
            return;
        }
        foreach (var extension in new[] { SegmentFiles.LogExtension, SegmentFiles.OffsetIndexExtension, SegmentFiles.TimeIndexExtension })
        {
            File.Delete(SegmentFiles.Path(Directory, BaseOffset, extension));
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref _closed, true);
        _handles.Forget(_logPath);
        CloseIndexFiles();
    }

    /// <summary>A handle for one access; after <see cref="Dispose"/> (retention, delete) an <see cref="ObjectDisposedException"/>, which readers retry or map.</summary>
    private FileHandleLease Borrow(string path)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed), this);
        try
        {
            return _handles.Borrow(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException && Volatile.Read(ref _closed))
        {
            throw new ObjectDisposedException(path, ex);
        }
    }

    /// <summary>Accounts for a batch now in the file at <paramref name="position"/>: sparse index entries, then the published size.</summary>
    private void Track(long position, long baseOffset, long lastOffset, long maxTimestamp, int length, bool writeIndexFiles)
    {
        if (_bytesSinceIndexEntry > LogConfig.IndexIntervalBytes)
        {
            var relative = (int)(baseOffset - BaseOffset);
            var entry = new OffsetIndexEntry(relative, (int)position);
            _offsetIndex.Add(entry);
            if (writeIndexFiles)
            {
                Span<byte> bytes = stackalloc byte[OffsetIndexEntry.Size];
                BinaryPrimitives.WriteInt32BigEndian(bytes, entry.RelativeOffset);
                BinaryPrimitives.WriteInt32BigEndian(bytes[4..], entry.Position);
                using var index = Borrow(_offsetIndexPath);
                RandomAccess.Write(index.Handle, bytes, (long)(_offsetIndex.Count - 1) * OffsetIndexEntry.Size);
            }
            var newMax = Math.Max(_maxTimestamp, maxTimestamp);
            if (newMax > (_timeIndex.Count > 0 ? _timeIndex.Last.Timestamp : -1))
            {
                var timeEntry = new TimeIndexEntry(newMax, relative);
                if (writeIndexFiles)
                {
                    AddTimeIndexEntry(timeEntry);
                }
                else
                {
                    _timeIndex.Add(timeEntry);
                }
            }
            _bytesSinceIndexEntry = 0;
        }
        _bytesSinceIndexEntry += length;
        if (maxTimestamp > _maxTimestamp)
        {
            _offsetOfMaxTimestamp = baseOffset;
            Volatile.Write(ref _maxTimestamp, maxTimestamp);
        }
        Volatile.Write(ref _size, position + length);
        Volatile.Write(ref _nextOffset, lastOffset + 1);
    }

    private void AddTimeIndexEntry(TimeIndexEntry entry)
    {
        _timeIndex.Add(entry);
        Span<byte> bytes = stackalloc byte[TimeIndexEntry.Size];
        BinaryPrimitives.WriteInt64BigEndian(bytes, entry.Timestamp);
        BinaryPrimitives.WriteInt32BigEndian(bytes[8..], entry.RelativeOffset);
        using var index = Borrow(_timeIndexPath);
        RandomAccess.Write(index.Handle, bytes, (long)(_timeIndex.Count - 1) * TimeIndexEntry.Size);
    }

    /// <summary>
    /// Position, base offset and size of the batch containing <paramref name="offset"/>, walking headers from
    /// the index entry. A walk that meets an impossible header from an index entry walks again from the start
    /// (a damaged index must not hide good records); from the start, the damage is in the log.
    /// </summary>
    private (long Position, long BaseOffset, int Size) FindContaining(long offset, long size)
    {
        var start = LookupPosition(offset);
        try
        {
            return WalkHeaders(start, offset, size);
        }
        catch (CorruptBatchException) when (start > 0)
        {
            return WalkHeaders(0, offset, size);
        }
    }

    private (long Position, long BaseOffset, int Size) WalkHeaders(long position, long offset, long size)
    {
        Span<byte> head = stackalloc byte[RecordBatchHeader.LastOffsetDeltaOffset + 4];
        var expectedBase = position == 0 ? BaseOffset : long.MinValue;
        while (position + head.Length <= size)
        {
            ReadExactly(head, position);
            var baseOffset = BinaryPrimitives.ReadInt64BigEndian(head);
            var batchSize = (long)BinaryPrimitives.ReadInt32BigEndian(head[RecordBatchHeader.BatchLengthOffset..]) + RecordBatchHeader.LogOverhead;
            var lastOffsetDelta = BinaryPrimitives.ReadInt32BigEndian(head[RecordBatchHeader.LastOffsetDeltaOffset..]);
            if (batchSize < RecordBatchHeader.Size || position + batchSize > size || head[RecordBatchHeader.MagicOffset] != RecordBatchHeader.CurrentMagic
                || lastOffsetDelta < 0 || baseOffset < expectedBase)
            {
                throw new CorruptBatchException(LogPath, position, $"impossible batch header (length {batchSize}, magic {(sbyte)head[RecordBatchHeader.MagicOffset]}, base offset {baseOffset}, last offset delta {lastOffsetDelta})");
            }
            var lastOffset = baseOffset + lastOffsetDelta;
            if (lastOffset >= offset)
            {
                return (position, baseOffset, (int)batchSize);
            }
            expectedBase = lastOffset + 1;
            position += batchSize;
        }
        return (size, long.MaxValue, 0);
    }

    /// <summary>Position of the last indexed batch starting at or before <paramref name="offset"/>.</summary>
    private int LookupPosition(long offset)
    {
        var entries = _offsetIndex.Snapshot();
        var relative = offset - BaseOffset;
        int low = 0, high = entries.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (entries[middle].RelativeOffset <= relative)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found < 0 ? 0 : entries[found].Position;
    }

    /// <summary>
    /// Where to start scanning for the first batch with max timestamp ≥ <paramref name="timestamp"/>: the
    /// last time-index entry strictly below it (every batch up to that one is older), else the start.
    /// </summary>
    private int StartPositionForTimestamp(long timestamp)
    {
        var entries = _timeIndex.Snapshot();
        int low = 0, high = entries.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (entries[middle].Timestamp < timestamp)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found < 0 ? 0 : LookupPosition(BaseOffset + entries[found].RelativeOffset);
    }

    private void ReadExactly(Span<byte> buffer, long position)
    {
        var read = 0;
        using var log = Borrow(_logPath);
        while (read < buffer.Length)
        {
            var n = RandomAccess.Read(log.Handle, buffer[read..], position + read);
            if (n == 0)
            {
                throw new IOException($"{SegmentFiles.Path(Directory, BaseOffset, SegmentFiles.LogExtension)} ended at {position + read}, expected {buffer.Length - read} more bytes.");
            }
            read += n;
        }
    }

}
