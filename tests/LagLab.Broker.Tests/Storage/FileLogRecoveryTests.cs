using LagLab.Broker.Storage;
using LagLab.Protocol;
using LagLab.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Broker.Tests.Storage;

public sealed class FileLogRecoveryTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_000_000));

    private string LogDirectory => Path.Combine(_directory.Path, "orders-0");

    public void Dispose() => _directory.Dispose();

    private FileLog Open(long segmentBytes = 1024 * 1024, long retentionMs = -1) =>
        FileLog.Open(LogDirectory, new LogConfig { SegmentBytes = segmentBytes, RetentionMs = retentionMs }, _time);

    private static long Append(IPartitionLog log, byte[] batch) => log.Append(batch, Batches.Header(batch), null);

    private string ActiveLogFile(FileLog log) => SegmentFiles.Path(LogDirectory, log.Segments[^1].BaseOffset, SegmentFiles.LogExtension);

    private static List<long> AllBaseOffsets(IPartitionLog log)
    {
        var offsets = new List<long>();
        var next = log.LogStartOffset;
        while (next < log.LogEndOffset)
        {
            var headers = Batches.Parse(log.Read(next, 1024 * 1024).Chunks);
            offsets.AddRange(headers.Select(h => h.BaseOffset));
            next = headers[^1].LastOffset + 1;
        }
        return offsets;
    }

    [Fact]
    public void Open_SegmentFiles_AreNamedByTwentyDigitBaseOffset()
    {
        var batchSize = Batches.Create(2).Length;
        using (var log = Open(segmentBytes: batchSize))
        {
            Append(log, Batches.Create(2));
            Append(log, Batches.Create(2));
        }

        var names = Directory.GetFiles(LogDirectory).Select(Path.GetFileName).Order().ToArray();

        Assert.Equal(
            ["00000000000000000000.index", "00000000000000000000.log", "00000000000000000000.timeindex",
             "00000000000000000002.index", "00000000000000000002.log", "00000000000000000002.timeindex"],
            names);
    }

    [Fact]
    public void Reopen_AfterClose_RestoresSegmentsOffsetsAndTimestampLookups()
    {
        var batchSize = Batches.Create(2, valueSize: 100).Length;
        using (var log = Open(segmentBytes: batchSize * 3))
        {
            for (var i = 0; i < 10; i++)
            {
                Append(log, Batches.Create(2, timestamp: 5_000 + (i * 100), valueSize: 100));
            }
        }

        using var reopened = Open(segmentBytes: batchSize * 3);

        Assert.Equal(20, reopened.LogEndOffset);
        Assert.Equal(4, reopened.SegmentCount);
        Assert.Equal(0, reopened.RecoveredTruncatedBytes);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 2L), AllBaseOffsets(reopened));
        Assert.Equal(new TimestampOffset(5_501, 11), reopened.FindOffsetByTimestamp(5_501));
        Assert.Equal(20, Append(reopened, Batches.Create(1)));
    }

    [Fact]
    public void Reopen_TornTailMidBatch_CutsAtLastWholeBatchAndContinues()
    {
        long fileLength;
        using (var log = Open())
        {
            for (var i = 0; i < 5; i++)
            {
                Append(log, Batches.Create(3));
            }
            fileLength = log.Size;
        }
        var lastBatch = Batches.Create(3).Length;
        using (var file = File.OpenHandle(SegmentFiles.Path(LogDirectory, 0, SegmentFiles.LogExtension), FileMode.Open, FileAccess.ReadWrite))
        {
            RandomAccess.SetLength(file, fileLength - 7);
        }

        using (var reopened = Open())
        {
            Assert.Equal(12, reopened.LogEndOffset);
            Assert.Equal(lastBatch - 7, reopened.RecoveredTruncatedBytes);
            Assert.Equal(fileLength - lastBatch, new FileInfo(ActiveLogFile(reopened)).Length);
            Assert.Equal(12, Append(reopened, Batches.Create(2)));
        }

        using var again = Open();
        Assert.Equal([0L, 3L, 6L, 9L, 12L], AllBaseOffsets(again));
    }

    [Fact]
    public void Reopen_CorruptByteInLastBatch_CutsOnlyThatBatch()
    {
        using (var log = Open())
        {
            for (var i = 0; i < 4; i++)
            {
                Append(log, Batches.Create(2));
            }
        }
        var path = SegmentFiles.Path(LogDirectory, 0, SegmentFiles.LogExtension);
        var bytes = File.ReadAllBytes(path);
        bytes[^3] ^= 0x5A;
        File.WriteAllBytes(path, bytes);

        using var reopened = Open();

        Assert.Equal(6, reopened.LogEndOffset);
        Assert.Equal([0L, 2L, 4L], AllBaseOffsets(reopened));
    }

    [Fact]
    public void Reopen_CorruptBatchInMiddleOfActiveSegment_CutsFromThereOnly()
    {
        var batchSize = Batches.Create(2).Length;
        using (var log = Open())
        {
            for (var i = 0; i < 6; i++)
            {
                Append(log, Batches.Create(2));
            }
        }
        var path = SegmentFiles.Path(LogDirectory, 0, SegmentFiles.LogExtension);
        var bytes = File.ReadAllBytes(path);
        bytes[(batchSize * 3) + 40] ^= 0x01; // inside the fourth batch's CRC-covered part
        File.WriteAllBytes(path, bytes);

        using var reopened = Open();

        Assert.Equal(6, reopened.LogEndOffset);
        Assert.Equal(batchSize * 3, reopened.Size);
    }

    [Fact]
    public void Reopen_GarbageAfterLastBatch_IsCut()
    {
        using (var log = Open())
        {
            Append(log, Batches.Create(2));
        }
        var path = SegmentFiles.Path(LogDirectory, 0, SegmentFiles.LogExtension);
        using (var stream = new FileStream(path, FileMode.Append))
        {
            stream.Write(new byte[100].Select((_, i) => (byte)(i * 7)).ToArray());
        }

        using var reopened = Open();

        Assert.Equal(2, reopened.LogEndOffset);
        Assert.Equal(100, reopened.RecoveredTruncatedBytes);
        Assert.Equal(2, Append(reopened, Batches.Create(1)));
    }

    [Fact]
    public void Reopen_TornTailInActiveSegment_LeavesClosedSegmentsUntouched()
    {
        var batchSize = Batches.Create(1).Length;
        using (var log = Open(segmentBytes: batchSize * 2))
        {
            for (var i = 0; i < 5; i++)
            {
                Append(log, Batches.Create(1));
            }
        }
        var active = SegmentFiles.Path(LogDirectory, 4, SegmentFiles.LogExtension);
        File.WriteAllBytes(active, File.ReadAllBytes(active)[..30]);

        using var reopened = Open(segmentBytes: batchSize * 2);

        Assert.Equal(4, reopened.LogEndOffset);
        Assert.Equal([0L, 1L, 2L, 3L], AllBaseOffsets(reopened));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reopen_ClosedSegmentIndexesMissingOrCorrupt_RebuildsThem(bool delete)
    {
        var batchSize = Batches.Create(1, valueSize: 1000).Length;
        using (var log = Open(segmentBytes: batchSize * 20))
        {
            for (var i = 0; i < 30; i++)
            {
                Append(log, Batches.Create(1, timestamp: 10_000 + i, valueSize: 1000));
            }
        }
        foreach (var extension in new[] { SegmentFiles.OffsetIndexExtension, SegmentFiles.TimeIndexExtension })
        {
            var path = SegmentFiles.Path(LogDirectory, 0, extension);
            if (delete)
            {
                File.Delete(path);
            }
            else
            {
                File.WriteAllBytes(path, [1, 2, 3]);
            }
        }

        using var reopened = Open(segmentBytes: batchSize * 20);

        Assert.Equal(30, reopened.LogEndOffset);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), AllBaseOffsets(reopened));
        Assert.Equal(new TimestampOffset(10_007, 7), reopened.FindOffsetByTimestamp(10_007));
        Assert.True(new FileInfo(SegmentFiles.Path(LogDirectory, 0, SegmentFiles.OffsetIndexExtension)).Length > 0);
    }

    [Fact]
    public void Reopen_AfterRetention_KeepsLogStartOffsetAndClosedSegmentTimestamps()
    {
        var batchSize = Batches.Create(1).Length;
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using (var log = Open(segmentBytes: batchSize * 2, retentionMs: 60_000))
        {
            for (var i = 0; i < 6; i++)
            {
                Append(log, Batches.Create(1, timestamp: now - 100_000 + (i * 20_000)));
            }
            // Newest timestamps per segment: -80s, -40s, 0s: only the first is past 60 s.
            Assert.Equal(1, log.ApplyRetention(now));
        }

        using var reopened = Open(segmentBytes: batchSize * 2, retentionMs: 60_000);

        Assert.Equal(2, reopened.LogStartOffset);
        Assert.Equal(ErrorCode.OffsetOutOfRange, reopened.Read(1, 1024).Error);
        Assert.Equal(0, reopened.ApplyRetention(now));
        Assert.Equal(1, reopened.ApplyRetention(now + 20_001));
        Assert.Equal(4, reopened.LogStartOffset);
    }

    [Fact]
    public void Delete_RemovesTheDirectory()
    {
        var log = Open();
        Append(log, Batches.Create(1));

        log.Delete();

        Assert.False(Directory.Exists(LogDirectory));
    }

    [Fact]
    public void Append_FlushEveryMessage_DataReadableAfterReopen()
    {
        using (var log = FileLog.Open(LogDirectory, new LogConfig { FlushIntervalMessages = 1 }, _time))
        {
            Append(log, Batches.Create(3));
            Append(log, Batches.Create(3));
        }

        using var reopened = Open();

        Assert.Equal([0L, 3L], AllBaseOffsets(reopened));
    }
}
