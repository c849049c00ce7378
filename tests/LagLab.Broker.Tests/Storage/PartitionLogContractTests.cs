using LagLab.Broker.Storage;
using LagLab.Protocol;
using LagLab.Protocol.Records;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Broker.Tests.Storage;

/// <summary>Behaviour both log implementations must share; each subclass supplies one.</summary>
public abstract class PartitionLogContractTests : IDisposable
{
    protected FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(1_000_000));

    private protected abstract IPartitionLog CreateLog(LogConfig config);

    public virtual void Dispose()
    {
    }

    private IPartitionLog Log(long segmentBytes = 1024 * 1024, long retentionMs = -1, long retentionBytes = -1) =>
        CreateLog(new LogConfig { SegmentBytes = segmentBytes, RetentionMs = retentionMs, RetentionBytes = retentionBytes });

    private static long Append(IPartitionLog log, byte[] batch, long? logAppendTime = null) =>
        log.Append(batch, Batches.Header(batch), logAppendTime);

    [Fact]
    public void Append_ThreeBatches_AssignsConsecutiveBaseOffsets()
    {
        using var log = Log();

        var offsets = new[] { Append(log, Batches.Create(2)), Append(log, Batches.Create(3)), Append(log, Batches.Create(1)) };

        Assert.Equal([0L, 2L, 5L], offsets);
        Assert.Equal(6, log.LogEndOffset);
        Assert.Equal(0, log.LogStartOffset);
    }

    [Fact]
    public void Read_OffsetInsideBatch_StartsWithTheContainingBatch()
    {
        using var log = Log();
        Append(log, Batches.Create(2));
        Append(log, Batches.Create(3));
        Append(log, Batches.Create(1));

        var result = log.Read(3, 1024 * 1024);

        Assert.Equal(ErrorCode.None, result.Error);
        var headers = Batches.Parse(result.Chunks);
        Assert.Equal([2L, 5L], headers.Select(h => h.BaseOffset));
        Assert.Equal(result.Length, headers.Sum(h => h.TotalSize));
    }

    [Fact]
    public void Read_AtLogEnd_ReturnsNoBatchesAndNoError()
    {
        using var log = Log();
        Append(log, Batches.Create(2));

        var result = log.Read(2, 1024);

        Assert.Equal(ErrorCode.None, result.Error);
        Assert.Equal(0, result.Length);
        Assert.Equal(2, result.LogEndOffset);
    }

    [Fact]
    public void Read_PastLogEnd_IsOffsetOutOfRange()
    {
        using var log = Log();
        Append(log, Batches.Create(2));

        Assert.Equal(ErrorCode.OffsetOutOfRange, log.Read(3, 1024).Error);
        Assert.Equal(ErrorCode.OffsetOutOfRange, log.Read(-1, 1024).Error);
    }

    [Fact]
    public void Read_MaxBytesBelowFirstBatch_ReturnsExactlyOneWholeBatch()
    {
        using var log = Log();
        var first = Batches.Create(5, valueSize: 200);
        Append(log, first);
        Append(log, Batches.Create(5));

        var result = log.Read(0, 10);

        Assert.Equal(first.Length, result.Length);
        Assert.Single(Batches.Parse(result.Chunks));
    }

    [Fact]
    public void Read_MaxBytesBelowFirstBatchWithoutMinOne_ReturnsNothing()
    {
        using var log = Log();
        Append(log, Batches.Create(5, valueSize: 200));

        var result = log.Read(0, 10, minOneBatch: false);

        Assert.Equal(ErrorCode.None, result.Error);
        Assert.Equal(0, result.Length);
    }

    [Fact]
    public void Read_MaxBytes_ReturnsOnlyWholeBatchesWithinTheLimit()
    {
        using var log = Log();
        var size = Batches.Create(1).Length;
        for (var i = 0; i < 10; i++)
        {
            Append(log, Batches.Create(1));
        }

        var result = log.Read(0, (size * 3) + (size / 2));

        Assert.Equal(3, Batches.Parse(result.Chunks).Count);
        Assert.Equal(size * 3, result.Length);
    }

    [Fact]
    public void Append_StoredCopy_HasAssignedOffsetEpochZeroAndValidCrc()
    {
        using var log = Log();
        Append(log, Batches.Create(4));
        var batch = Batches.Create(2);

        Append(log, batch);

        var stored = Batches.Parse(log.Read(4, 1024).Chunks).Single();
        Assert.Equal(4, stored.BaseOffset);
        Assert.Equal(0, stored.PartitionLeaderEpoch);
        Assert.Equal(Batches.Header(batch).Crc, stored.Crc);
    }

    [Fact]
    public void Append_LogAppendTime_StoresFlagAndTimeWithRecomputedCrc()
    {
        using var log = Log();

        Append(log, Batches.Create(3, timestamp: 5), logAppendTime: 777);

        var chunk = log.Read(0, 1024).Chunks.Single().ToArray();
        var header = RecordBatchHeader.Read(chunk);
        Assert.True(header.IsLogAppendTime);
        Assert.Equal(777, header.MaxTimestamp);
        Assert.True(RecordBatchHeader.IsCrcValid(chunk));
    }

    [Fact]
    public void Append_PastSegmentBytes_RollsAndReadsAcrossSegments()
    {
        var batchSize = Batches.Create(1).Length;
        using var log = Log(segmentBytes: batchSize * 3);

        for (var i = 0; i < 10; i++)
        {
            Append(log, Batches.Create(1));
        }

        Assert.Equal(4, log.SegmentCount);
        for (var offset = 0L; offset < 10; offset++)
        {
            var first = Batches.Parse(log.Read(offset, 1024 * 1024).Chunks)[0];
            Assert.Equal(offset, first.BaseOffset);
        }
    }

    [Fact]
    public void Append_RollRaisesSegmentRolledWithNewBase()
    {
        var batchSize = Batches.Create(2).Length;
        using var log = Log(segmentBytes: batchSize);
        var rolled = new List<long>();
        log.SegmentRolled += rolled.Add;

        Append(log, Batches.Create(2));
        Append(log, Batches.Create(2));
        Append(log, Batches.Create(2));

        Assert.Equal([2L, 4L], rolled);
    }

    [Fact]
    public void FindOffsetByTimestamp_InsideUncompressedBatch_ReturnsExactRecord()
    {
        using var log = Log();
        Append(log, Batches.Create(5, timestamp: 100)); // offsets 0-4, ts 100-104
        Append(log, Batches.Create(5, timestamp: 200)); // offsets 5-9, ts 200-204

        Assert.Equal(new TimestampOffset(100, 0), log.FindOffsetByTimestamp(0));
        Assert.Equal(new TimestampOffset(103, 3), log.FindOffsetByTimestamp(103));
        Assert.Equal(new TimestampOffset(200, 5), log.FindOffsetByTimestamp(105));
        Assert.Equal(new TimestampOffset(204, 9), log.FindOffsetByTimestamp(204));
        Assert.Null(log.FindOffsetByTimestamp(205));
    }

    [Fact]
    public void FindOffsetByTimestamp_ManySegmentsAndIndexEntries_FindsFirstBatchAtOrAfter()
    {
        using var log = Log(segmentBytes: 20_000);
        for (var i = 0; i < 200; i++)
        {
            Append(log, Batches.Create(2, timestamp: 10_000 + (i * 10), valueSize: 300));
        }

        for (var i = 0; i < 200; i += 7)
        {
            var target = 10_000 + (i * 10) + 1;
            Assert.Equal(new TimestampOffset(target, (i * 2) + 1), log.FindOffsetByTimestamp(target));
        }
        Assert.True(log.SegmentCount > 5);
    }

    [Fact]
    public void ApplyRetention_ByTime_DeletesOldSegmentsAndMovesLogStart()
    {
        var batchSize = Batches.Create(1).Length;
        using var log = Log(segmentBytes: batchSize * 2, retentionMs: 60_000);
        var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 0; i < 4; i++)
        {
            Append(log, Batches.Create(1, timestamp: now - 120_000)); // expired
        }
        for (var i = 0; i < 3; i++)
        {
            Append(log, Batches.Create(1, timestamp: now));
        }

        var deleted = log.ApplyRetention(now);

        Assert.Equal(2, deleted);
        Assert.Equal(4, log.LogStartOffset);
        Assert.Equal(7, log.LogEndOffset);
        Assert.Equal(ErrorCode.OffsetOutOfRange, log.Read(3, 1024).Error);
        Assert.Equal(4, Batches.Parse(log.Read(4, 1024).Chunks)[0].BaseOffset);
    }

    [Fact]
    public void ApplyRetention_EverythingExpired_RollsAndEmptiesButKeepsOffsets()
    {
        using var log = Log(retentionMs: 1_000);
        var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
        Append(log, Batches.Create(3, timestamp: now - 2)); // newest record at now

        Assert.Equal(0, log.ApplyRetention(now + 1_000));
        Assert.Equal(1, log.ApplyRetention(now + 1_001));

        Assert.Equal(3, log.LogStartOffset);
        Assert.Equal(3, log.LogEndOffset);
        Assert.Equal(1, log.SegmentCount);
        Assert.Equal(3, Append(log, Batches.Create(1, timestamp: now + 2_000)));
    }

    [Fact]
    public void ApplyRetention_BySize_DeletesOldestWholeSegmentsOnly()
    {
        var batchSize = Batches.Create(1).Length;
        using var log = Log(segmentBytes: batchSize * 2, retentionBytes: batchSize * 3);
        for (var i = 0; i < 7; i++)
        {
            Append(log, Batches.Create(1));
        }

        var deleted = log.ApplyRetention(Time.GetUtcNow().ToUnixTimeMilliseconds());

        // 7 batches in segments of 2,2,2,1: deleting two segments leaves 3 batches.
        Assert.Equal(2, deleted);
        Assert.Equal(4, log.LogStartOffset);
        Assert.Equal(batchSize * 3, log.Size);
    }

    [Fact]
    public void ApplyRetention_Unlimited_DeletesNothing()
    {
        var batchSize = Batches.Create(1).Length;
        using var log = Log(segmentBytes: batchSize);
        for (var i = 0; i < 5; i++)
        {
            Append(log, Batches.Create(1, timestamp: 0));
        }

        Assert.Equal(0, log.ApplyRetention(long.MaxValue / 2));
        Assert.Equal(0, log.LogStartOffset);
    }

    [Fact]
    public void ReadHeaders_FromOffset_SkipsEarlierBatches()
    {
        var batchSize = Batches.Create(2).Length;
        using var log = Log(segmentBytes: batchSize * 2);
        for (var i = 0; i < 5; i++)
        {
            Append(log, Batches.Create(2));
        }

        var headers = log.ReadHeaders(5).ToList();

        Assert.Equal([4L, 6L, 8L], headers.Select(h => h.BaseOffset));
    }

    [Fact]
    public async Task Read_ConcurrentWithAppendsAndRolls_AlwaysSeesWholeValidBatches()
    {
        using var log = Log(segmentBytes: 8 * 1024);
        const int total = 2_000;
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < total; i++)
            {
                Append(log, Batches.Create(1 + (i % 3), valueSize: 50));
            }
        }, TestContext.Current.CancellationToken);

        var reads = 0;
        while (!writer.IsCompleted || reads == 0)
        {
            var end = log.LogEndOffset;
            var from = end == 0 ? 0 : Random.Shared.NextInt64(0, end);
            var result = log.Read(from, 4096);
            Assert.Equal(ErrorCode.None, result.Error);
            var headers = Batches.Parse(result.Chunks);
            for (var i = 1; i < headers.Count; i++)
            {
                Assert.Equal(headers[i - 1].LastOffset + 1, headers[i].BaseOffset);
            }
            if (headers.Count > 0)
            {
                Assert.InRange(from, headers[0].BaseOffset, headers[0].LastOffset);
            }
            reads++;
        }
        await writer;
        Assert.True(reads > 0);
    }
}
