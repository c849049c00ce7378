using LagLab.Protocol;
using LagLab.Protocol.Records;

namespace LagLab.Broker.Storage;

/// <summary>
/// What both log implementations share: the segment list (copy-on-write, so readers never lock), offset
/// assignment, rolling at segment.bytes, the flush policy and retention. Subclasses only make segments.
/// </summary>
internal abstract class SegmentedLog : IPartitionLog
{
    private readonly Lock _lock = new();
    private readonly HashSet<(string Segment, long Position)> _reported = [];
    private ILogSegment[] _segments = [];
    private long _logEndOffset;
    private long _unflushedMessages;
    private bool _dirty;
    private bool _disposed;

    protected SegmentedLog(LogConfig config, TimeProvider timeProvider)
    {
        Config = config;
        TimeProvider = timeProvider;
    }

    public LogConfig Config { get; set; }

    protected TimeProvider TimeProvider { get; }

    public event Action<long>? SegmentRolled;

    /// <summary>Raised once per damaged position found by a read (segment file and byte).</summary>
    public event Action<CorruptBatchException>? CorruptionFound;

    public long LogStartOffset => Segments[0].BaseOffset;

    public long LogEndOffset => Volatile.Read(ref _logEndOffset);

    public long Size => Segments.Sum(s => s.Size);

    public int SegmentCount => Segments.Length;

    /// <summary>A snapshot of the segments, oldest first; the last one is active.</summary>
    internal ILogSegment[] Segments => Volatile.Read(ref _segments);

    protected abstract ILogSegment CreateSegment(long baseOffset);

    /// <summary>Sets the segments found at open (at least one); the last one is active.</summary>
    protected void Initialize(IReadOnlyList<ILogSegment> segments)
    {
        if (segments.Count == 0)
        {
            throw new ArgumentException("A log needs at least one segment.", nameof(segments));
        }
        Volatile.Write(ref _segments, segments.ToArray());
        Volatile.Write(ref _logEndOffset, segments[^1].NextOffset);
    }

    public long Append(ReadOnlySpan<byte> batch, in RecordBatchHeader header, long? logAppendTime)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var active = _segments[^1];
            var baseOffset = _logEndOffset;
            var nextOffset = baseOffset + header.LastOffsetDelta + 1;
            // Index entries hold offsets relative to the segment base as int32, so a segment spans at most int.MaxValue offsets.
            if (active.Size > 0 && (active.Size + batch.Length > Config.SegmentBytes || nextOffset - active.BaseOffset > int.MaxValue))
            {
                active = RollLocked();
            }
            active.Append(batch, baseOffset, header, logAppendTime, TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            Volatile.Write(ref _logEndOffset, nextOffset);
            _dirty = true;
            _unflushedMessages += Math.Max(header.RecordCount, 1);
            if (Config.FlushIntervalMessages > 0 && _unflushedMessages >= Config.FlushIntervalMessages)
            {
                active.Flush();
                _dirty = false;
                _unflushedMessages = 0;
            }
            return baseOffset;
        }
    }

    public LogReadResult Read(long offset, int maxBytes, bool minOneBatch = true)
    {
        for (var attempt = 0; ; attempt++)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var end = LogEndOffset;
            var segments = Segments;
            var start = segments[0].BaseOffset;
            if (offset < start || offset > end)
            {
                return LogReadResult.Failed(ErrorCode.OffsetOutOfRange, start, end);
            }
            if (offset == end)
            {
                return LogReadResult.Empty(start, end);
            }
            try
            {
                var read = ReadFrom(segments, offset, maxBytes, minOneBatch, end);
                return new LogReadResult(ErrorCode.None, start, end, read.Chunks, read.Length);
            }
            catch (ObjectDisposedException) when (!_disposed && attempt < 2)
            {
                // Retention deleted the segment while we read it; the next snapshot no longer has it.
            }
            catch (CorruptBatchException corrupt)
            {
                Report(corrupt);
                return LogReadResult.Failed(ErrorCode.CorruptMessage, start, end);
            }
        }
    }

    public TimestampOffset? FindOffsetByTimestamp(long timestamp)
    {
        for (var attempt = 0; ; attempt++)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var end = LogEndOffset;
            try
            {
                foreach (var segment in Segments)
                {
                    if (segment.MaxTimestamp >= timestamp && segment.FindBatchByTimestamp(timestamp, end) is { } batch)
                    {
                        return BatchTimestampSearch.Find(batch, timestamp);
                    }
                }
                return null;
            }
            catch (ObjectDisposedException) when (!_disposed && attempt < 2)
            {
            }
            catch (CorruptBatchException corrupt)
            {
                Report(corrupt);
                return null;
            }
        }
    }

    public IEnumerable<RecordBatchHeader> ReadHeaders(long fromOffset)
    {
        foreach (var segment in Segments)
        {
            if (segment.NextOffset <= fromOffset)
            {
                continue;
            }
            foreach (var header in segment.ReadHeaders(fromOffset))
            {
                yield return header;
            }
        }
    }

    public void Flush()
    {
        ILogSegment active;
        lock (_lock)
        {
            if (_disposed || !_dirty)
            {
                return;
            }
            active = _segments[^1];
            _dirty = false;
            _unflushedMessages = 0;
        }
        try
        {
            // Outside the lock: a periodic fsync must not stall producers.
            active.Flush();
        }
        catch (ObjectDisposedException)
        {
            // Rolled and sealed (which flushes) or deleted meanwhile.
        }
    }

    public int ApplyRetention(long nowMs)
    {
        var deleted = new List<ILogSegment>();
        lock (_lock)
        {
            if (_disposed)
            {
                return 0;
            }
            var config = Config;
            if (config.RetentionMs >= 0)
            {
                while (IsExpired(_segments[0], nowMs, config.RetentionMs))
                {
                    if (_segments.Length == 1)
                    {
                        if (_segments[0].Size == 0)
                        {
                            break;
                        }
                        // Everything expired: roll so the old active segment can go, as Kafka does.
                        RollLocked();
                    }
                    deleted.Add(_segments[0]);
                    Volatile.Write(ref _segments, _segments[1..]);
                }
            }
            if (config.RetentionBytes >= 0)
            {
                var excess = _segments.Sum(s => s.Size) - config.RetentionBytes;
                while (_segments.Length > 1 && excess >= _segments[0].Size)
                {
                    excess -= _segments[0].Size;
                    deleted.Add(_segments[0]);
                    Volatile.Write(ref _segments, _segments[1..]);
                }
            }
        }
        foreach (var segment in deleted)
        {
            segment.Delete();
        }
        return deleted.Count;
    }

    public virtual void Delete()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (var segment in _segments)
            {
                segment.Delete();
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            // Shutdown flushes everything acknowledged, whatever the flush policy.
            _segments[^1].Flush();
            foreach (var segment in _segments)
            {
                segment.Dispose();
            }
        }
    }

    private ILogSegment RollLocked()
    {
        _segments[^1].Seal();
        var segment = CreateSegment(_logEndOffset);
        Volatile.Write(ref _segments, [.. _segments, segment]);
        SegmentRolled?.Invoke(segment.BaseOffset);
        return segment;
    }

    private static bool IsExpired(ILogSegment segment, long nowMs, long retentionMs)
    {
        var newest = segment.MaxTimestamp >= 0 ? segment.MaxTimestamp : segment.LastModifiedMs;
        return segment.Size > 0 && nowMs - newest > retentionMs;
    }

    /// <summary>
    /// From the segment holding <paramref name="offset"/>; when it has nothing at or after the offset (records
    /// cut from a repaired segment), from the next segment, so a consumer moves past the gap instead of
    /// receiving empty answers forever.
    /// </summary>
    private static SegmentRead ReadFrom(ILogSegment[] segments, long offset, int maxBytes, bool minOneBatch, long end)
    {
        var index = FindSegmentIndex(segments, offset);
        while (true)
        {
            var read = segments[index].Read(offset, maxBytes, minOneBatch, end);
            if (!read.PastEnd || index + 1 >= segments.Length)
            {
                return read;
            }
            index++;
            offset = segments[index].BaseOffset;
        }
    }

    /// <summary>Each damaged position is reported once (log line and metric), however often consumers fetch over it.</summary>
    private void Report(CorruptBatchException corrupt)
    {
        lock (_reported)
        {
            if (!_reported.Add((corrupt.SegmentPath, corrupt.Position)))
            {
                return;
            }
        }
        CorruptionFound?.Invoke(corrupt);
    }

    private static int FindSegmentIndex(ILogSegment[] segments, long offset)
    {
        var low = 0;
        var high = segments.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (segments[middle].BaseOffset <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return low;
    }
}
