using System.Text;
using LagLab.Protocol.Records;

namespace LagLab.Protocol.Tests.Records;

public sealed class RecordBatchReaderTests
{
    [Fact]
    public void ReadRecords_BuiltBatch_ReturnsExactKeysValuesHeadersTimestampsAndOffsets()
    {
        var headers = new[] { new RecordHeader("h1", "x"u8.ToArray()), new RecordHeader("h2", null) };
        var batch = new RecordBatchBuilder()
            .Add("a"u8.ToArray(), "1"u8.ToArray(), 5_000, headers)
            .Add(null, "2"u8.ToArray(), 4_000)
            .Add("c"u8.ToArray(), null, 6_000)
            .Build(baseOffset: 100);

        var records = RecordBatchReader.ReadRecords(batch);

        Assert.Equal([100L, 101L, 102L], records.Select(r => r.Offset));
        Assert.Equal([5_000L, 4_000L, 6_000L], records.Select(r => r.Timestamp));
        Assert.Equal("a", Encoding.UTF8.GetString(records[0].Key!.Value.Span));
        Assert.Null(records[1].Key);
        Assert.Null(records[2].Value);
        Assert.Equal("2", Encoding.UTF8.GetString(records[1].Value!.Value.Span));
        Assert.Equal(2, records[0].Headers.Count);
        Assert.Equal("h1", records[0].Headers[0].Key);
        Assert.Equal("x", Encoding.UTF8.GetString(records[0].Headers[0].Value!.Value.Span));
        Assert.Null(records[0].Headers[1].Value);
        Assert.Empty(records[1].Headers);
    }

    [Fact]
    public void SplitBatches_ConcatenatedWithTruncatedTail_ReturnsOnlyWholeBatches()
    {
        var first = new RecordBatchBuilder().Add("k", "v", 1).Build(baseOffset: 0);
        var second = new RecordBatchBuilder().Add("k", "v", 2).Add("k", "w", 3).Build(baseOffset: 1);
        var records = first.Concat(second).Concat(second.AsSpan(0, 30).ToArray()).ToArray();

        var batches = RecordBatchReader.SplitBatches(records).ToList();

        Assert.Equal(2, batches.Count);
        Assert.Equal(first, batches[0].ToArray());
        Assert.Equal(second, batches[1].ToArray());
    }

    [Fact]
    public void ReadRecords_TruncatedBatch_ThrowsProtocolException()
    {
        var batch = new RecordBatchBuilder().Add("key", "value", 1).Build();

        Assert.Throws<KafkaProtocolException>(() => RecordBatchReader.ReadRecords(batch.AsMemory(0, batch.Length - 1)));
    }
}
