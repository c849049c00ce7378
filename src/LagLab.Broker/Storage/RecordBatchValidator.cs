using LagLab.Protocol;
using LagLab.Protocol.Records;

namespace LagLab.Broker.Storage;

/// <summary>
/// The checks Kafka makes on a produced partition's records before appending (ProduceRequest and
/// LogValidator), without decompressing: exactly one v2 batch, a sane length, within max.message.bytes,
/// a matching CRC-32C, a consistent record count, no transactional or control batches.
/// </summary>
internal static class RecordBatchValidator
{
    private const int MaxCompressionCodec = (int)CompressionType.Zstd;

    public static ErrorCode Validate(ReadOnlySpan<byte> records, int maxMessageBytes, out RecordBatchHeader header, out string? message)
    {
        header = default;
        if (records.Length == 0)
        {
            message = "Produce requests from version 3 must contain exactly one record batch; got none.";
            return ErrorCode.InvalidRecord;
        }
        if (!RecordBatchHeader.TryRead(records, out header))
        {
            message = $"Record batch truncated: {records.Length} bytes, a v2 header alone is {RecordBatchHeader.Size}.";
            return ErrorCode.CorruptMessage;
        }
        if (header.Magic != RecordBatchHeader.CurrentMagic)
        {
            message = $"Record batch magic {header.Magic} is not supported; produce requests from version 3 carry magic 2 only.";
            return ErrorCode.InvalidRecord;
        }
        if (header.TotalSize < RecordBatchHeader.Size || header.TotalSize > records.Length)
        {
            message = $"Record batch length {header.BatchLength} does not match the {records.Length} bytes sent.";
            return ErrorCode.CorruptMessage;
        }
        if (header.TotalSize != records.Length)
        {
            message = "Produce requests from version 3 must contain exactly one record batch; got more.";
            return ErrorCode.InvalidRecord;
        }
        if (records.Length > maxMessageBytes)
        {
            message = $"The record batch is {records.Length} bytes, larger than the maximum of {maxMessageBytes} (max.message.bytes).";
            return ErrorCode.MessageTooLarge;
        }
        if (!RecordBatchHeader.IsCrcValid(records))
        {
            message = $"Record batch CRC {header.Crc:x8} does not match its contents ({RecordBatchHeader.ComputeCrc(records):x8}).";
            return ErrorCode.CorruptMessage;
        }
        if (header.RecordCount <= 0 || header.LastOffsetDelta != header.RecordCount - 1)
        {
            message = $"Record batch has {header.RecordCount} records but a last offset delta of {header.LastOffsetDelta}.";
            return ErrorCode.InvalidRecord;
        }
        if ((int)header.Compression > MaxCompressionCodec)
        {
            message = $"Unknown compression codec {(int)header.Compression}.";
            return ErrorCode.UnsupportedCompressionType;
        }
        if (header.IsControl || header.IsTransactional)
        {
            message = "Transactional and control batches are not supported by this broker.";
            return ErrorCode.InvalidRecord;
        }
        if (header.HasProducerId && (header.BaseSequence < 0 || header.ProducerEpoch < 0))
        {
            message = $"Idempotent batch of producer {header.ProducerId} has epoch {header.ProducerEpoch} and sequence {header.BaseSequence}.";
            return ErrorCode.InvalidRecord;
        }
        message = null;
        return ErrorCode.None;
    }
}
