using System.Buffers;
using System.Text;
using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Records;

/// <summary>
/// Writes one uncompressed record batch v2: for tests, benchmarks and the broker's own internal topics.
/// The first record's timestamp is the batch's base timestamp; the others are deltas from it.
/// </summary>
public sealed class RecordBatchBuilder
{
    private readonly List<(ReadOnlyMemory<byte>? Key, ReadOnlyMemory<byte>? Value, long Timestamp, IReadOnlyList<RecordHeader> Headers)> _records = [];

    public int Count => _records.Count;

    public RecordBatchBuilder Add(ReadOnlyMemory<byte>? key, ReadOnlyMemory<byte>? value, long timestamp, IReadOnlyList<RecordHeader>? headers = null)
    {
        _records.Add((key, value, timestamp, headers ?? []));
        return this;
    }

    /// <summary>Convenience for tests: UTF-8 key and value (null stays null).</summary>
    public RecordBatchBuilder Add(string? key, string? value, long timestamp) =>
        Add(key is null ? null : Encoding.UTF8.GetBytes(key), value is null ? null : Encoding.UTF8.GetBytes(value), timestamp);

    /// <summary>The finished batch, CRC included. Producer fields default to "not idempotent" (-1).</summary>
    public byte[] Build(long baseOffset = 0, long producerId = -1, short producerEpoch = -1, int baseSequence = -1, int partitionLeaderEpoch = -1)
    {
        if (_records.Count == 0)
        {
            throw new InvalidOperationException("A record batch needs at least one record.");
        }
        var baseTimestamp = _records[0].Timestamp;
        var maxTimestamp = _records.Max(r => r.Timestamp);
        var output = new ArrayBufferWriter<byte>(RecordBatchHeader.Size + (_records.Count * 32));
        var writer = new KafkaWriter(output);
        writer.WriteInt64(baseOffset);
        writer.WriteInt32(0); // batch length, patched below
        writer.WriteInt32(partitionLeaderEpoch);
        writer.WriteInt8(RecordBatchHeader.CurrentMagic);
        writer.WriteUInt32(0); // CRC, computed below
        writer.WriteInt16((short)0); // attributes: uncompressed, CreateTime
        writer.WriteInt32(_records.Count - 1);
        writer.WriteInt64(baseTimestamp);
        writer.WriteInt64(maxTimestamp);
        writer.WriteInt64(producerId);
        writer.WriteInt16(producerEpoch);
        writer.WriteInt32(baseSequence);
        writer.WriteInt32(_records.Count);

        var body = new ArrayBufferWriter<byte>(64);
        for (var i = 0; i < _records.Count; i++)
        {
            body.ResetWrittenCount();
            WriteRecordBody(new KafkaWriter(body), _records[i], baseTimestamp, i);
            writer.WriteVarInt(body.WrittenCount);
            writer.WriteRaw(body.WrittenSpan);
        }

        var batch = output.WrittenSpan.ToArray();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(batch.AsSpan(RecordBatchHeader.BatchLengthOffset), batch.Length - RecordBatchHeader.LogOverhead);
        RecordBatchHeader.WriteCrc(batch);
        return batch;
    }

    private static void WriteRecordBody(KafkaWriter writer, (ReadOnlyMemory<byte>? Key, ReadOnlyMemory<byte>? Value, long Timestamp, IReadOnlyList<RecordHeader> Headers) record, long baseTimestamp, int offsetDelta)
    {
        writer.WriteInt8(0); // record attributes, unused
        writer.WriteVarLong(record.Timestamp - baseTimestamp);
        writer.WriteVarInt(offsetDelta);
        WriteVarBytes(writer, record.Key);
        WriteVarBytes(writer, record.Value);
        writer.WriteVarInt(record.Headers.Count);
        foreach (var header in record.Headers)
        {
            WriteVarBytes(writer, Encoding.UTF8.GetBytes(header.Key));
            WriteVarBytes(writer, header.Value);
        }
    }

    private static void WriteVarBytes(KafkaWriter writer, ReadOnlyMemory<byte>? bytes)
    {
        if (bytes is null)
        {
            writer.WriteVarInt(-1);
            return;
        }
        writer.WriteVarInt(bytes.Value.Length);
        writer.WriteRaw(bytes.Value.Span);
    }
}
