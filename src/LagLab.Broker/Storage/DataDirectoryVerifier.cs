using System.Buffers.Binary;
using LagLab.Broker.Topics;
using LagLab.Protocol.Records;
using Microsoft.Win32.SafeHandles;

namespace LagLab.Broker.Storage;

/// <summary>
/// <c>laglab broker --verify</c> / <c>--repair</c> on a stopped broker's data directory: every batch of
/// every segment is checked (length, magic, contiguous offsets, CRC-32C) and every offset-index entry must
/// point at the batch it names. A repair cuts a segment at its first damaged batch (everything before it
/// stays; a closed segment left empty is removed) and deletes index files that are wrong (the broker
/// rebuilds them at start). Consumers then skip the cut records: reads go on from the next segment.
/// </summary>
internal static class DataDirectoryVerifier
{
    public static IReadOnlyList<SegmentDamage> Run(string dataDirectory, bool repair)
    {
        var damage = new List<SegmentDamage>();
        foreach (var (path, _, _) in PartitionDirectories.Find(dataDirectory).OrderBy(d => d.Topic, StringComparer.Ordinal).ThenBy(d => d.Index))
        {
            var baseOffsets = Directory.EnumerateFiles(path, "*" + SegmentFiles.LogExtension)
                .Select(f => SegmentFiles.TryParseBaseOffset(f, SegmentFiles.LogExtension, out var o) ? o : -1)
                .Where(o => o >= 0)
                .Order()
                .ToArray();
            for (var i = 0; i < baseOffsets.Length; i++)
            {
                VerifySegment(path, baseOffsets[i], isActive: i == baseOffsets.Length - 1, repair, damage);
            }
        }
        return damage;
    }

    private static void VerifySegment(string directory, long baseOffset, bool isActive, bool repair, List<SegmentDamage> damage)
    {
        var logPath = SegmentFiles.Path(directory, baseOffset, SegmentFiles.LogExtension);
        var batchStarts = new Dictionary<long, long>();
        long good;
        long length;
        using (var log = File.OpenHandle(logPath, FileMode.Open, FileAccess.ReadWrite))
        {
            length = RandomAccess.GetLength(log);
            var (end, problem) = Scan(log, baseOffset, length, batchStarts);
            good = end;
            if (problem is not null)
            {
                var cut = $"cut the segment at byte {end} ({length - end} bytes and the records in them are lost{(isActive ? "; the broker also does this at start" : "")})";
                damage.Add(new SegmentDamage(logPath, end, problem, cut));
                if (repair)
                {
                    RandomAccess.SetLength(log, end);
                    RandomAccess.FlushToDisk(log);
                }
            }
        }
        var indexPath = SegmentFiles.Path(directory, baseOffset, SegmentFiles.OffsetIndexExtension);
        var indexProblem = good < length ? "the segment was cut" : CheckOffsetIndex(indexPath, baseOffset, batchStarts);
        if (indexProblem is not null)
        {
            if (good == length)
            {
                damage.Add(new SegmentDamage(indexPath, 0, indexProblem, "delete the index files of the segment; the broker rebuilds them at start (no record is lost)"));
            }
            if (repair)
            {
                File.Delete(indexPath);
                File.Delete(SegmentFiles.Path(directory, baseOffset, SegmentFiles.TimeIndexExtension));
            }
        }
        if (repair && good == 0 && !isActive && length > 0)
        {
            File.Delete(logPath);
        }
    }

    /// <summary>Walks the batches; returns where the good part ends and, when it ends early, why.</summary>
    private static (long End, string? Problem) Scan(SafeFileHandle log, long baseOffset, long length, Dictionary<long, long> batchStarts)
    {
        var expected = baseOffset;
        var position = 0L;
        var head = new byte[RecordBatchHeader.Size];
        while (position < length)
        {
            if (length - position < RecordBatchHeader.Size || RandomAccess.Read(log, head, position) < head.Length)
            {
                return (position, $"{length - position} bytes at the end are not a whole batch header");
            }
            var header = RecordBatchHeader.Read(head);
            if (header.Magic != RecordBatchHeader.CurrentMagic || header.TotalSize < RecordBatchHeader.Size || header.TotalSize > length - position)
            {
                return (position, $"impossible batch header (length {header.TotalSize}, magic {header.Magic})");
            }
            if (header.BaseOffset != expected || header.LastOffsetDelta < 0)
            {
                return (position, $"batch base offset {header.BaseOffset} where {expected} was expected");
            }
            var batch = new byte[header.TotalSize];
            if (RandomAccess.Read(log, batch, position) < batch.Length || !RecordBatchHeader.IsCrcValid(batch))
            {
                return (position, $"CRC-32C of the batch at offset {header.BaseOffset} does not match");
            }
            batchStarts[position] = header.BaseOffset;
            expected = header.LastOffset + 1;
            position += header.TotalSize;
        }
        return (position, null);
    }

    private static string? CheckOffsetIndex(string indexPath, long baseOffset, Dictionary<long, long> batchStarts)
    {
        if (!File.Exists(indexPath))
        {
            return null;
        }
        var bytes = File.ReadAllBytes(indexPath);
        if (bytes.Length % OffsetIndexEntry.Size != 0)
        {
            return $"{bytes.Length} bytes is not a whole number of entries";
        }
        for (var i = 0; i < bytes.Length; i += OffsetIndexEntry.Size)
        {
            var relative = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(i));
            var position = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(i + 4));
            if (!batchStarts.TryGetValue(position, out var found) || found != baseOffset + relative)
            {
                return $"entry {i / OffsetIndexEntry.Size} points to byte {position}, which is not the batch at offset {baseOffset + relative}";
            }
        }
        return null;
    }
}
