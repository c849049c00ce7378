using LagLab.Protocol;
using LagLab.Protocol.Records;

namespace LagLab.Broker.Storage;

/// <summary>
/// The record inside a batch that a timestamp lookup lands on. Exact for uncompressed and
/// LogAppendTime batches; for a compressed batch (never decompressed here) the batch's first record
/// stands in, so a consumer starting there reads a few records older than asked, never misses one.
/// </summary>
internal static class BatchTimestampSearch
{
    public static TimestampOffset Find(ReadOnlyMemory<byte> batch, long timestamp)
    {
        var header = RecordBatchHeader.Read(batch.Span);
        if (header.IsLogAppendTime)
        {
            return new TimestampOffset(header.MaxTimestamp, header.BaseOffset);
        }
        if (header.Compression != CompressionType.None || header.BaseTimestamp >= timestamp)
        {
            return new TimestampOffset(header.BaseTimestamp, header.BaseOffset);
        }
        try
        {
            foreach (var record in RecordBatchReader.ReadRecords(batch))
            {
                if (record.Timestamp >= timestamp)
                {
                    return new TimestampOffset(record.Timestamp, record.Offset);
                }
            }
        }
        catch (KafkaProtocolException)
        {
            // The CRC matched but the records do not parse: fall back to the batch start.
        }
        return new TimestampOffset(header.BaseTimestamp, header.BaseOffset);
    }
}
