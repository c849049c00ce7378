using System.Buffers.Binary;
using LagLab.Protocol.Records;

namespace LagLab.Protocol.Tests.Records;

public sealed class RecordBatchHeaderTests
{
    [Fact]
    public void TryRead_BuiltBatch_ReadsEveryField()
    {
        var batch = new RecordBatchBuilder()
            .Add("k1", "v1", 1_000)
            .Add("k2", "v2", 1_500)
            .Add("k3", "v3", 1_200)
            .Build(baseOffset: 42, producerId: 7, producerEpoch: 3, baseSequence: 10, partitionLeaderEpoch: 5);

        Assert.True(RecordBatchHeader.TryRead(batch, out var header));

        Assert.Equal(42, header.BaseOffset);
        Assert.Equal(batch.Length, header.TotalSize);
        Assert.Equal(5, header.PartitionLeaderEpoch);
        Assert.Equal(2, header.Magic);
        Assert.Equal(2, header.LastOffsetDelta);
        Assert.Equal(44, header.LastOffset);
        Assert.Equal(1_000, header.BaseTimestamp);
        Assert.Equal(1_500, header.MaxTimestamp);
        Assert.Equal(7, header.ProducerId);
        Assert.Equal(3, header.ProducerEpoch);
        Assert.Equal(10, header.BaseSequence);
        Assert.Equal(12, header.LastSequence);
        Assert.Equal(3, header.RecordCount);
        Assert.Equal(CompressionType.None, header.Compression);
        Assert.False(header.IsLogAppendTime);
        Assert.True(RecordBatchHeader.IsCrcValid(batch));
    }

    [Fact]
    public void TryRead_ShorterThanHeader_ReturnsFalse()
    {
        var batch = new RecordBatchBuilder().Add("k", "v", 1).Build();

        Assert.False(RecordBatchHeader.TryRead(batch.AsSpan(0, RecordBatchHeader.Size - 1), out _));
    }

    [Fact]
    public void WriteBaseOffsetAndEpoch_OutsideCrc_KeepCrcValid()
    {
        var batch = new RecordBatchBuilder().Add("k", "v", 1).Build();

        RecordBatchHeader.WriteBaseOffset(batch, 123_456);
        RecordBatchHeader.WritePartitionLeaderEpoch(batch, 0);

        Assert.Equal(123_456, RecordBatchHeader.Read(batch).BaseOffset);
        Assert.True(RecordBatchHeader.IsCrcValid(batch));
    }

    [Fact]
    public void WriteLogAppendTime_SetsFlagAndMaxTimestamp_RecomputesCrc()
    {
        var batch = new RecordBatchBuilder().Add("k", "v", 1).Add("k", "v", 2).Build();

        RecordBatchHeader.WriteLogAppendTime(batch, 9_999);

        var header = RecordBatchHeader.Read(batch);
        Assert.True(header.IsLogAppendTime);
        Assert.Equal(9_999, header.MaxTimestamp);
        Assert.True(RecordBatchHeader.IsCrcValid(batch));
        Assert.All(RecordBatchReader.ReadRecords(batch), r => Assert.Equal(9_999, r.Timestamp));
    }

    [Fact]
    public void IsCrcValid_ByteFlippedInRecords_IsFalse()
    {
        var batch = new RecordBatchBuilder().Add("key", "value", 1).Build();

        batch[^2] ^= 0xFF;

        Assert.False(RecordBatchHeader.IsCrcValid(batch));
    }

    [Fact]
    public void LastSequence_NearIntMax_WrapsToZero()
    {
        var batch = new RecordBatchBuilder().Add("a", "1", 1).Add("b", "2", 1).Build(producerId: 1, producerEpoch: 0, baseSequence: int.MaxValue);

        Assert.Equal(0, RecordBatchHeader.Read(batch).LastSequence);
    }

    [Fact]
    public void ReadTotalSize_MatchesBatchLengthPlusOverhead()
    {
        var batch = new RecordBatchBuilder().Add("k", "v", 1).Build();

        Assert.Equal(batch.Length, RecordBatchHeader.ReadTotalSize(batch));
        Assert.Equal(batch.Length - 12, BinaryPrimitives.ReadInt32BigEndian(batch.AsSpan(8)));
    }
}
