using System.Text;
using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Records;

/// <summary>
/// Splits a records field into batches and decodes the records of uncompressed batches. The broker
/// itself only needs this for exact timestamp lookups and its internal topics; it never decompresses.
/// </summary>
public static class RecordBatchReader
{
    /// <summary>Each whole batch in <paramref name="records"/>; a truncated trailing batch is skipped, as clients do.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> SplitBatches(ReadOnlyMemory<byte> records)
    {
        var position = 0;
        while (true)
        {
            var size = RecordBatchHeader.ReadTotalSize(records.Span[position..]);
            if (size < RecordBatchHeader.Size || size > records.Length - position)
            {
                yield break;
            }
            yield return records.Slice(position, size);
            position += size;
        }
    }

    /// <summary>Decodes every record of one uncompressed batch.</summary>
    public static IReadOnlyList<Record> ReadRecords(ReadOnlyMemory<byte> batch)
    {
        var header = RecordBatchHeader.Read(batch.Span);
        if (header.Compression != CompressionType.None)
        {
            throw new NotSupportedException($"Batch at offset {header.BaseOffset} is {header.Compression}-compressed; only uncompressed batches are decoded.");
        }
        if (header.TotalSize > batch.Length)
        {
            throw new KafkaProtocolException($"Record batch truncated: {batch.Length} of {header.TotalSize} bytes.", ErrorCode.CorruptMessage);
        }
        var reader = new KafkaReader(batch[RecordBatchHeader.Size..header.TotalSize]);
        var records = new Record[Math.Max(header.RecordCount, 0)];
        for (var i = 0; i < records.Length; i++)
        {
            var length = reader.ReadVarInt();
            var recordReader = new KafkaReader(reader.ReadMemory(length));
            recordReader.ReadInt8();
            var timestampDelta = recordReader.ReadVarLong();
            var offsetDelta = recordReader.ReadVarInt();
            var key = ReadVarBytes(ref recordReader);
            var value = ReadVarBytes(ref recordReader);
            var headerCount = recordReader.ReadVarInt();
            if (headerCount < 0 || headerCount > recordReader.Remaining)
            {
                throw new KafkaProtocolException($"Record header count {headerCount} is invalid.", ErrorCode.CorruptMessage);
            }
            var headers = new RecordHeader[headerCount];
            for (var h = 0; h < headerCount; h++)
            {
                var headerKey = ReadVarBytes(ref recordReader) ?? throw new KafkaProtocolException("Record header key is null.", ErrorCode.CorruptMessage);
                headers[h] = new RecordHeader(Encoding.UTF8.GetString(headerKey.Span), ReadVarBytes(ref recordReader));
            }
            var timestamp = header.IsLogAppendTime ? header.MaxTimestamp : header.BaseTimestamp + timestampDelta;
            records[i] = new Record(header.BaseOffset + offsetDelta, timestamp, key, value, headers);
        }
        return records;
    }

    private static ReadOnlyMemory<byte>? ReadVarBytes(ref KafkaReader reader)
    {
        var length = reader.ReadVarInt();
        if (length < 0)
        {
            // Not a conditional expression: null would convert through byte[] to an empty, non-null memory.
            return null;
        }
        return reader.ReadMemory(length);
    }
}
