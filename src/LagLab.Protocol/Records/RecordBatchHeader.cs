using System.Buffers.Binary;

namespace LagLab.Protocol.Records;

/// <summary>
/// The fixed 61-byte header of a record batch v2 (kafka-protocol-notes.md, section 3). Reading it never
/// touches the records, so batches are stored and served exactly as the producer compressed them.
/// </summary>
public readonly record struct RecordBatchHeader(
    long BaseOffset,
    int BatchLength,
    int PartitionLeaderEpoch,
    sbyte Magic,
    uint Crc,
    short Attributes,
    int LastOffsetDelta,
    long BaseTimestamp,
    long MaxTimestamp,
    long ProducerId,
    short ProducerEpoch,
    int BaseSequence,
    int RecordCount)
{
    public const int Size = 61;

    /// <summary>Base offset and batch length precede what <see cref="BatchLength"/> counts.</summary>
    public const int LogOverhead = 12;

    public const sbyte CurrentMagic = 2;

    public const int BaseOffsetOffset = 0;
    public const int BatchLengthOffset = 8;
    public const int PartitionLeaderEpochOffset = 12;
    public const int MagicOffset = 16;
    public const int CrcOffset = 17;
    public const int AttributesOffset = 21;
    public const int LastOffsetDeltaOffset = 23;
    public const int BaseTimestampOffset = 27;
    public const int MaxTimestampOffset = 35;
    public const int ProducerIdOffset = 43;
    public const int ProducerEpochOffset = 51;
    public const int BaseSequenceOffset = 53;
    public const int RecordCountOffset = 57;

    private const short CompressionMask = 0x07;
    private const short LogAppendTimeFlag = 0x08;
    private const short TransactionalFlag = 0x10;
    private const short ControlFlag = 0x20;

    /// <summary>Whole size of the batch on the wire and on disk.</summary>
    public int TotalSize => BatchLength + LogOverhead;

    public long LastOffset => BaseOffset + LastOffsetDelta;

    public CompressionType Compression => (CompressionType)(Attributes & CompressionMask);

    public bool IsLogAppendTime => (Attributes & LogAppendTimeFlag) != 0;

    public bool IsTransactional => (Attributes & TransactionalFlag) != 0;

    public bool IsControl => (Attributes & ControlFlag) != 0;

    public bool HasProducerId => ProducerId >= 0;

    /// <summary>Sequence of the batch's last record (sequences wrap at int.MaxValue, as in Kafka).</summary>
    public int LastSequence => BaseSequence < 0 ? -1 : (int)((BaseSequence + (long)LastOffsetDelta) % ((long)int.MaxValue + 1));

    /// <summary>Reads the header; false when fewer than <see cref="Size"/> bytes are given.</summary>
    public static bool TryRead(ReadOnlySpan<byte> batch, out RecordBatchHeader header)
    {
        if (batch.Length < Size)
        {
            header = default;
            return false;
        }
        header = new RecordBatchHeader(
            BinaryPrimitives.ReadInt64BigEndian(batch[BaseOffsetOffset..]),
            BinaryPrimitives.ReadInt32BigEndian(batch[BatchLengthOffset..]),
            BinaryPrimitives.ReadInt32BigEndian(batch[PartitionLeaderEpochOffset..]),
            (sbyte)batch[MagicOffset],
            BinaryPrimitives.ReadUInt32BigEndian(batch[CrcOffset..]),
            BinaryPrimitives.ReadInt16BigEndian(batch[AttributesOffset..]),
            BinaryPrimitives.ReadInt32BigEndian(batch[LastOffsetDeltaOffset..]),
            BinaryPrimitives.ReadInt64BigEndian(batch[BaseTimestampOffset..]),
            BinaryPrimitives.ReadInt64BigEndian(batch[MaxTimestampOffset..]),
            BinaryPrimitives.ReadInt64BigEndian(batch[ProducerIdOffset..]),
            BinaryPrimitives.ReadInt16BigEndian(batch[ProducerEpochOffset..]),
            BinaryPrimitives.ReadInt32BigEndian(batch[BaseSequenceOffset..]),
            BinaryPrimitives.ReadInt32BigEndian(batch[RecordCountOffset..]));
        return true;
    }

    /// <summary>Reads the header or throws when the span is shorter than a header.</summary>
    public static RecordBatchHeader Read(ReadOnlySpan<byte> batch) =>
        TryRead(batch, out var header) ? header : throw new KafkaProtocolException($"Record batch truncated: {batch.Length} bytes, a header needs {Size}.", ErrorCode.CorruptMessage);

    /// <summary>Batch length of the batch starting at <paramref name="batch"/>, from its first 12 bytes; -1 when fewer are given.</summary>
    public static int ReadTotalSize(ReadOnlySpan<byte> batch) =>
        batch.Length < LogOverhead ? -1 : BinaryPrimitives.ReadInt32BigEndian(batch[BatchLengthOffset..]) + LogOverhead;

    public static long ReadBaseOffset(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt64BigEndian(batch[BaseOffsetOffset..]);

    /// <summary>CRC-32C over attributes to the end of the batch (everything the broker does not rewrite).</summary>
    public static uint ComputeCrc(ReadOnlySpan<byte> batch) => Crc32C.Compute(batch[AttributesOffset..]);

    /// <summary>True when the stored CRC matches the batch's bytes.</summary>
    public static bool IsCrcValid(ReadOnlySpan<byte> batch) =>
        batch.Length >= Size && BinaryPrimitives.ReadUInt32BigEndian(batch[CrcOffset..]) == ComputeCrc(batch);

    /// <summary>Sets the base offset (outside the CRC, so nothing else changes).</summary>
    public static void WriteBaseOffset(Span<byte> batch, long baseOffset) =>
        BinaryPrimitives.WriteInt64BigEndian(batch[BaseOffsetOffset..], baseOffset);

    /// <summary>Sets the partition leader epoch (outside the CRC).</summary>
    public static void WritePartitionLeaderEpoch(Span<byte> batch, int epoch) =>
        BinaryPrimitives.WriteInt32BigEndian(batch[PartitionLeaderEpochOffset..], epoch);

    /// <summary>
    /// Marks the batch LogAppendTime with <paramref name="timestamp"/> as its max timestamp and recomputes
    /// the CRC, which covers both fields. Consumers then read that time for every record of the batch.
    /// </summary>
    public static void WriteLogAppendTime(Span<byte> batch, long timestamp)
    {
        var attributes = BinaryPrimitives.ReadInt16BigEndian(batch[AttributesOffset..]);
        BinaryPrimitives.WriteInt16BigEndian(batch[AttributesOffset..], (short)(attributes | LogAppendTimeFlag));
        BinaryPrimitives.WriteInt64BigEndian(batch[MaxTimestampOffset..], timestamp);
        WriteCrc(batch);
    }

    /// <summary>Recomputes and stores the CRC.</summary>
    public static void WriteCrc(Span<byte> batch) =>
        BinaryPrimitives.WriteUInt32BigEndian(batch[CrcOffset..], ComputeCrc(batch));
}
