using System.Buffers.Binary;
using LagLab.Broker.Producers;
using LagLab.Broker.Storage;
using LagLab.Broker.Topics;
using LagLab.Protocol;
using LagLab.Protocol.Records;
using LagLab.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Broker.Tests.Storage;

public sealed class PartitionTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
    private readonly TemporaryDirectory _directory = new();

    private static TopicConfig Config(TimestampType type = TimestampType.CreateTime, int maxMessageBytes = 1_048_588, long segmentBytes = 1024 * 1024) =>
        new() { RetentionMs = -1, RetentionBytes = -1, SegmentBytes = segmentBytes, MaxMessageBytes = maxMessageBytes, TimestampType = type };

    private Partition InMemory(TopicConfig? config = null)
    {
        config ??= Config();
        return new Partition("t", 0, new MemoryLog(config.ToLogConfig(0), _time), config, null, _time);
    }

    private Partition OnDisk(TopicConfig? config = null)
    {
        config ??= Config();
        var directory = Path.Combine(_directory.Path, "t-0");
        return new Partition("t", 0, FileLog.Open(directory, config.ToLogConfig(1), _time), config, new ProducerSnapshotStore(directory), _time);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Append_ValidBatch_ReturnsBaseOffsetAndNoAppendTime()
    {
        using var partition = InMemory();
        partition.Append(Batches.Create(3));

        var result = partition.Append(Batches.Create(2));

        Assert.Equal(new PartitionAppendResult(ErrorCode.None, 3, -1, 0), result);
        Assert.Equal(5, partition.HighWatermark);
    }

    [Fact]
    public void Append_LogAppendTimeTopic_StampsBrokerTime()
    {
        using var partition = InMemory(Config(TimestampType.LogAppendTime));

        var result = partition.Append(Batches.Create(2, timestamp: 5));

        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), result.LogAppendTime);
        var stored = RecordBatchHeader.Read(partition.Read(0, 1024).Chunks[0].Span);
        Assert.True(stored.IsLogAppendTime);
        Assert.Equal(result.LogAppendTime, stored.MaxTimestamp);
    }

    public static TheoryData<string, ErrorCode> BadRecords() => new()
    {
        { "empty", ErrorCode.InvalidRecord },
        { "truncated header", ErrorCode.CorruptMessage },
        { "truncated batch", ErrorCode.CorruptMessage },
        { "magic 1", ErrorCode.InvalidRecord },
        { "bad crc", ErrorCode.CorruptMessage },
        { "two batches", ErrorCode.InvalidRecord },
        { "count mismatch", ErrorCode.InvalidRecord },
        { "transactional", ErrorCode.InvalidRecord },
        { "unknown codec", ErrorCode.UnsupportedCompressionType },
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public void Append_InvalidRecords_IsRejectedWithKafkaErrorAndNothingStored(string defect, ErrorCode expected)
    {
        using var partition = InMemory();
        var batch = Batches.Create(2);
        byte[] records = defect switch
        {
            "empty" => [],
            "truncated header" => batch[..40],
            "truncated batch" => batch[..^1],
            "magic 1" => Patched(batch, b => b[RecordBatchHeader.MagicOffset] = 1),
            "bad crc" => Patched(batch, b => b[^1] ^= 1, recomputeCrc: false),
            "two batches" => [.. batch, .. batch],
            "count mismatch" => Patched(batch, b => BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(RecordBatchHeader.RecordCountOffset), 3)),
            "transactional" => Patched(batch, b => b[RecordBatchHeader.AttributesOffset + 1] |= 0x10),
            "unknown codec" => Patched(batch, b => b[RecordBatchHeader.AttributesOffset + 1] |= 0x07),
            _ => throw new ArgumentOutOfRangeException(nameof(defect)),
        };

        var result = partition.Append(records);

        Assert.Equal(expected, result.Error);
        Assert.False(string.IsNullOrEmpty(result.ErrorMessage));
        Assert.Equal(0, partition.LogEndOffset);
    }

    [Fact]
    public void Append_BatchAboveMaxMessageBytes_IsMessageTooLarge()
    {
        var batch = Batches.Create(2, valueSize: 500);
        using var partition = InMemory(Config(maxMessageBytes: batch.Length - 1));

        var result = partition.Append(batch);

        Assert.Equal(ErrorCode.MessageTooLarge, result.Error);
        Assert.Contains("max.message.bytes", result.ErrorMessage);
    }

    [Fact]
    public void Append_BatchExactlyMaxMessageBytes_IsAccepted()
    {
        var batch = Batches.Create(2, valueSize: 500);
        using var partition = InMemory(Config(maxMessageBytes: batch.Length));

        Assert.Equal(ErrorCode.None, partition.Append(batch).Error);
    }

    [Fact]
    public void Append_RetriedIdempotentBatch_AcknowledgedWithOriginalOffsetAndNotStoredTwice()
    {
        using var partition = InMemory();
        partition.Append(Batches.Create(1));
        var batch = Batches.Create(3, producerId: 9, producerEpoch: 0, baseSequence: 0);

        var first = partition.Append(batch);
        var retry = partition.Append(batch);

        Assert.Equal(ErrorCode.None, retry.Error);
        Assert.Equal(first.BaseOffset, retry.BaseOffset);
        Assert.Equal(4, partition.LogEndOffset);
    }

    [Fact]
    public void Append_IdempotentGap_IsOutOfOrderAndNotStored()
    {
        using var partition = InMemory();
        partition.Append(Batches.Create(3, producerId: 9, producerEpoch: 0, baseSequence: 0));

        var result = partition.Append(Batches.Create(1, producerId: 9, producerEpoch: 0, baseSequence: 5));

        Assert.Equal(ErrorCode.OutOfOrderSequenceNumber, result.Error);
        Assert.Equal(3, partition.LogEndOffset);
    }

    [Fact]
    public void Append_StaleEpoch_IsInvalidProducerEpoch()
    {
        using var partition = InMemory();
        partition.Append(Batches.Create(1, producerId: 9, producerEpoch: 2, baseSequence: 0));

        var result = partition.Append(Batches.Create(1, producerId: 9, producerEpoch: 1, baseSequence: 1));

        Assert.Equal(ErrorCode.InvalidProducerEpoch, result.Error);
    }

    [Theory]
    [InlineData(1_000_000)] // one segment: state rebuilt from the log
    [InlineData(200)] // many segments: state from the last roll's snapshot plus the active segment
    public void Reopen_OnDisk_RestoresIdempotenceState(long segmentBytes)
    {
        var batches = Enumerable.Range(0, 8).Select(i => Batches.Create(2, producerId: 77, producerEpoch: 0, baseSequence: i * 2)).ToList();
        var offsets = new List<long>();
        using (var partition = OnDisk(Config(segmentBytes: segmentBytes)))
        {
            offsets.AddRange(batches.Select(b => partition.Append(b).BaseOffset));
        }

        using var reopened = OnDisk(Config(segmentBytes: segmentBytes));

        Assert.Equal(offsets[^1], reopened.Append(batches[^1]).BaseOffset);
        Assert.Equal(16, reopened.LogEndOffset);
        Assert.Equal(ErrorCode.OutOfOrderSequenceNumber, reopened.Append(Batches.Create(1, producerId: 77, producerEpoch: 0, baseSequence: 20)).Error);
        Assert.Equal(16, reopened.Append(Batches.Create(1, producerId: 77, producerEpoch: 0, baseSequence: 16)).BaseOffset);
        Assert.Equal(77, reopened.MaxProducerId);
    }

    [Fact]
    public void Roll_OnDisk_WritesProducerSnapshotsKeepingTheNewestTwo()
    {
        using (var partition = OnDisk(Config(segmentBytes: 150)))
        {
            for (var i = 0; i < 6; i++)
            {
                partition.Append(Batches.Create(1, producerId: 5, producerEpoch: 0, baseSequence: i));
            }
        }

        var offsets = new ProducerSnapshotStore(Path.Combine(_directory.Path, "t-0")).Offsets();

        Assert.Equal([4L, 5L], offsets);
    }

    [Fact]
    public async Task DataArrivedAsync_TakenBeforeAppend_CompletesOnAppend()
    {
        using var partition = InMemory();
        var arrived = partition.DataArrivedAsync();

        Assert.False(arrived.IsCompleted);
        partition.Append(Batches.Create(1));

        await arrived.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Delete_WakesWaitersAndFailsReadsAndAppends()
    {
        var partition = OnDisk();
        partition.Append(Batches.Create(1));
        var arrived = partition.DataArrivedAsync();

        partition.Delete();

        await arrived.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(ErrorCode.UnknownTopicOrPartition, partition.Read(0, 1024).Error);
        Assert.Equal(ErrorCode.UnknownTopicOrPartition, partition.Append(Batches.Create(1)).Error);
        Assert.False(Directory.Exists(Path.Combine(_directory.Path, "t-0")));
    }

    private static byte[] Patched(byte[] batch, Action<byte[]> patch, bool recomputeCrc = true)
    {
        var copy = batch.ToArray();
        patch(copy);
        if (recomputeCrc)
        {
            RecordBatchHeader.WriteCrc(copy);
        }
        return copy;
    }
}
