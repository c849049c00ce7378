using System.Buffers.Binary;
using LagLab.Protocol.Records;

namespace LagLab.Broker.Storage;

/// <summary>Opening an existing segment: recovery of the active one, index loading (or rebuilding) for closed ones.</summary>
internal sealed partial class FileSegment
{
    /// <summary>
    /// Opens a segment found on disk. The active segment (<paramref name="nextSegmentBaseOffset"/> null) is
    /// always scanned: every batch's length, magic, offsets and CRC are checked, the torn or corrupt tail
    /// is cut, and the indexes are rebuilt. A closed segment trusts its indexes when they are sane.
    /// </summary>
    public static FileSegment Open(string directory, long baseOffset, long? nextSegmentBaseOffset, FileHandleCache handles)
    {
        var segment = new FileSegment(directory, baseOffset, FileMode.OpenOrCreate, handles);
        try
        {
            segment._lastModifiedMs = new DateTimeOffset(File.GetLastWriteTimeUtc(SegmentFiles.Path(directory, baseOffset, SegmentFiles.LogExtension))).ToUnixTimeMilliseconds();
            if (nextSegmentBaseOffset is not { } next || !segment.TryLoadIndexes(next))
            {
                segment.Recover(truncate: nextSegmentBaseOffset is null);
            }
            if (nextSegmentBaseOffset is not null)
            {
                segment.CloseIndexFiles();
            }
            return segment;
        }
        catch
        {
            segment.Dispose();
            throw;
        }
    }

    private void Recover(bool truncate)
    {
        using var log = Borrow(_logPath);
        var fileLength = RandomAccess.GetLength(log.Handle);
        var scanner = new SegmentScanner(log.Handle, 0, fileLength);
        var good = 0L;
        foreach (var batch in scanner.Scan())
        {
            var header = batch.Header;
            if (header.BaseOffset != _nextOffset || header.LastOffsetDelta < 0 || !RecordBatchHeader.IsCrcValid(batch.Bytes.Span))
            {
                break;
            }
            Track(batch.Position, header.BaseOffset, header.LastOffset, header.MaxTimestamp, header.TotalSize, writeIndexFiles: false);
            good = batch.Position + header.TotalSize;
        }
        if (good < fileLength)
        {
            TruncatedBytes = fileLength - good;
            if (truncate)
            {
                RandomAccess.SetLength(log.Handle, good);
                RandomAccess.FlushToDisk(log.Handle);
            }
        }
        RewriteIndexFiles();
    }

    private void RewriteIndexFiles()
    {
        var offsets = _offsetIndex.Snapshot();
        var offsetBytes = new byte[offsets.Length * OffsetIndexEntry.Size];
        for (var i = 0; i < offsets.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(offsetBytes.AsSpan(i * OffsetIndexEntry.Size), offsets[i].RelativeOffset);
            BinaryPrimitives.WriteInt32BigEndian(offsetBytes.AsSpan((i * OffsetIndexEntry.Size) + 4), offsets[i].Position);
        }
        using (var offsetIndex = Borrow(_offsetIndexPath))
        {
            RandomAccess.SetLength(offsetIndex.Handle, 0);
            RandomAccess.Write(offsetIndex.Handle, offsetBytes, 0);
        }

        var times = _timeIndex.Snapshot();
        var timeBytes = new byte[times.Length * TimeIndexEntry.Size];
        for (var i = 0; i < times.Length; i++)
        {
            BinaryPrimitives.WriteInt64BigEndian(timeBytes.AsSpan(i * TimeIndexEntry.Size), times[i].Timestamp);
            BinaryPrimitives.WriteInt32BigEndian(timeBytes.AsSpan((i * TimeIndexEntry.Size) + 8), times[i].RelativeOffset);
        }
        using var timeIndex = Borrow(_timeIndexPath);
        RandomAccess.SetLength(timeIndex.Handle, 0);
        RandomAccess.Write(timeIndex.Handle, timeBytes, 0);
    }

    /// <summary>Loads a closed segment's index files; false when they are missing or not plausible (then the caller rebuilds).</summary>
    private bool TryLoadIndexes(long nextSegmentBaseOffset)
    {
        var logLength = new FileInfo(_logPath).Length;
        var offsetBytes = File.ReadAllBytes(_offsetIndexPath);
        var timeBytes = File.ReadAllBytes(_timeIndexPath);
        if (offsetBytes.Length % OffsetIndexEntry.Size != 0 || timeBytes.Length % TimeIndexEntry.Size != 0 || (logLength > 0 && timeBytes.Length == 0))
        {
            return false;
        }
        int lastRelative = -1, lastPosition = -1;
        for (var i = 0; i < offsetBytes.Length; i += OffsetIndexEntry.Size)
        {
            var entry = new OffsetIndexEntry(BinaryPrimitives.ReadInt32BigEndian(offsetBytes.AsSpan(i)), BinaryPrimitives.ReadInt32BigEndian(offsetBytes.AsSpan(i + 4)));
            if (entry.RelativeOffset <= lastRelative || entry.Position <= lastPosition || entry.Position >= logLength || BaseOffset + entry.RelativeOffset >= nextSegmentBaseOffset)
            {
                return false;
            }
            (lastRelative, lastPosition) = (entry.RelativeOffset, entry.Position);
            _offsetIndex.Add(entry);
        }
        var lastTimestamp = long.MinValue;
        for (var i = 0; i < timeBytes.Length; i += TimeIndexEntry.Size)
        {
            var entry = new TimeIndexEntry(BinaryPrimitives.ReadInt64BigEndian(timeBytes.AsSpan(i)), BinaryPrimitives.ReadInt32BigEndian(timeBytes.AsSpan(i + 8)));
            if (entry.Timestamp < lastTimestamp || entry.RelativeOffset < 0 || BaseOffset + entry.RelativeOffset >= nextSegmentBaseOffset)
            {
                _offsetIndex.Clear();
                _timeIndex.Clear();
                return false;
            }
            lastTimestamp = entry.Timestamp;
            _timeIndex.Add(entry);
        }
        if (_timeIndex.Count > 0)
        {
            _maxTimestamp = _timeIndex.Last.Timestamp;
            _offsetOfMaxTimestamp = BaseOffset + _timeIndex.Last.RelativeOffset;
        }
        _size = logLength;
        _nextOffset = nextSegmentBaseOffset;
        return true;
    }

}
