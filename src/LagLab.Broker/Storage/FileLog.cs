namespace LagLab.Broker.Storage;

/// <summary>
/// A partition log in its own directory, <c>&lt;data-dir&gt;/&lt;topic&gt;-&lt;partition&gt;/</c>, one
/// file set per segment named by its 20-digit base offset. Opening recovers the active segment.
/// </summary>
internal sealed class FileLog : SegmentedLog
{
    private readonly FileHandleCache _handles;

    private FileLog(string directory, LogConfig config, TimeProvider timeProvider, FileHandleCache handles)
        : base(config, timeProvider)
    {
        Directory = directory;
        _handles = handles;
    }

    public string Directory { get; }

    /// <summary>Bytes cut from the active segment's tail at open (0 after a clean shutdown).</summary>
    public long RecoveredTruncatedBytes { get; private set; }

    /// <summary>Offset at which the torn tail was cut, when it was.</summary>
    public long RecoveredAtOffset { get; private set; }

    /// <summary>Opens (or creates) the log; its files borrow handles from <paramref name="handles"/> (the broker's one cache; unbounded when null).</summary>
    public static FileLog Open(string directory, LogConfig config, TimeProvider timeProvider, FileHandleCache? handles = null)
    {
        System.IO.Directory.CreateDirectory(directory);
        handles ??= new FileHandleCache(int.MaxValue);
        var log = new FileLog(directory, config, timeProvider, handles);
        var baseOffsets = System.IO.Directory.EnumerateFiles(directory, "*" + SegmentFiles.LogExtension)
            .Select(path => SegmentFiles.TryParseBaseOffset(path, SegmentFiles.LogExtension, out var offset) ? offset : -1)
            .Where(offset => offset >= 0)
            .Order()
            .ToArray();
        RemoveOrphanIndexes(directory, baseOffsets);
        var segments = new List<ILogSegment>(Math.Max(baseOffsets.Length, 1));
        try
        {
            if (baseOffsets.Length == 0)
            {
                segments.Add(FileSegment.Create(directory, 0, timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), handles));
            }
            for (var i = 0; i < baseOffsets.Length; i++)
            {
                var segment = FileSegment.Open(directory, baseOffsets[i], i + 1 < baseOffsets.Length ? baseOffsets[i + 1] : null, handles);
                segments.Add(segment);
                if (segment.TruncatedBytes > 0 && i + 1 == baseOffsets.Length)
                {
                    log.RecoveredTruncatedBytes = segment.TruncatedBytes;
                    log.RecoveredAtOffset = segment.NextOffset;
                }
            }
        }
        catch
        {
            foreach (var segment in segments)
            {
                segment.Dispose();
            }
            throw;
        }
        log.Initialize(segments);
        return log;
    }

    protected override ILogSegment CreateSegment(long baseOffset) =>
        FileSegment.Create(Directory, baseOffset, TimeProvider.GetUtcNow().ToUnixTimeMilliseconds(), _handles);

    /// <summary>Renamed out of the partition namespace first, so a crash half-way leaves a folder marked for deletion, never a half-deleted partition.</summary>
    public override void Delete()
    {
        var marked = Topics.PartitionDirectories.MarkForDeletion(Directory);
        base.Delete();
        System.IO.Directory.Delete(marked, recursive: true);
    }

    /// <summary>Index files whose log is gone (a crash during retention) would confuse a later segment of the same name.</summary>
    private static void RemoveOrphanIndexes(string directory, long[] baseOffsets)
    {
        var known = baseOffsets.ToHashSet();
        foreach (var extension in new[] { SegmentFiles.OffsetIndexExtension, SegmentFiles.TimeIndexExtension })
        {
            foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*" + extension))
            {
                if (SegmentFiles.TryParseBaseOffset(path, extension, out var offset) && !known.Contains(offset))
                {
                    File.Delete(path);
                }
            }
        }
    }
}
