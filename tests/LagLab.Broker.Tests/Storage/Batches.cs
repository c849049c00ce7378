using LagLab.Protocol.Records;

namespace LagLab.Broker.Tests.Storage;

/// <summary>Record batches for storage tests.</summary>
internal static class Batches
{
    /// <summary>A batch of <paramref name="records"/> records with timestamps <paramref name="timestamp"/>, +1, +2, …</summary>
    public static byte[] Create(int records, long timestamp = 1_000, int valueSize = 10, long producerId = -1, short producerEpoch = -1, int baseSequence = -1)
    {
        var builder = new RecordBatchBuilder();
        for (var i = 0; i < records; i++)
        {
            builder.Add(BitConverter.GetBytes(i), new byte[valueSize], timestamp + i);
        }
        return builder.Build(producerId: producerId, producerEpoch: producerEpoch, baseSequence: baseSequence);
    }

    public static RecordBatchHeader Header(byte[] batch) => RecordBatchHeader.Read(batch);

    /// <summary>Every batch in a read result, each checked for a valid CRC.</summary>
    public static List<RecordBatchHeader> Parse(IReadOnlyList<ReadOnlyMemory<byte>> chunks)
    {
        var all = chunks.SelectMany(c => c.ToArray()).ToArray();
        var headers = new List<RecordBatchHeader>();
        foreach (var batch in RecordBatchReader.SplitBatches(all))
        {
            Assert.True(RecordBatchHeader.IsCrcValid(batch.Span), "stored batch CRC");
            headers.Add(RecordBatchHeader.Read(batch.Span));
        }
        Assert.Equal(all.Length, headers.Sum(h => h.TotalSize));
        return headers;
    }
}
