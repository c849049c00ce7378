using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace LagLab.Protocol.Primitives;

/// <summary>Writes Kafka primitive types (big-endian) to an <see cref="IBufferWriter{T}"/>.</summary>
public readonly ref struct KafkaWriter(IBufferWriter<byte> output)
{
    private readonly IBufferWriter<byte> _output = output;

    public void WriteInt8(sbyte value) => Put(1)[0] = (byte)value;

    public void WriteBoolean(bool value) => Put(1)[0] = value ? (byte)1 : (byte)0;

    public void WriteInt16(short value) => BinaryPrimitives.WriteInt16BigEndian(Put(2), value);

    public void WriteInt16(ErrorCode value) => WriteInt16((short)value);

    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Put(2), value);

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32BigEndian(Put(4), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Put(4), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64BigEndian(Put(8), value);

    public void WriteFloat64(double value) => BinaryPrimitives.WriteDoubleBigEndian(Put(8), value);

    public void WriteUuid(Guid value)
    {
        value.TryWriteBytes(Put(16), bigEndian: true, out _);
    }

    public void WriteUnsignedVarInt(uint value)
    {
        while (value >= 0x80)
        {
            WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        WriteByte((byte)value);
    }

    public void WriteVarInt(int value) => WriteUnsignedVarInt((uint)((value << 1) ^ (value >> 31)));

    public void WriteVarLong(long value)
    {
        var raw = (ulong)((value << 1) ^ (value >> 63));
        while (raw >= 0x80)
        {
            WriteByte((byte)(raw | 0x80));
            raw >>= 7;
        }
        WriteByte((byte)raw);
    }

    public void WriteString(string value, bool compact) => WriteNullableString(value, compact);

    public void WriteNullableString(string? value, bool compact)
    {
        if (value is null)
        {
            if (compact)
            {
                WriteUnsignedVarInt(0);
            }
            else
            {
                WriteInt16(-1);
            }
            return;
        }
        var length = Encoding.UTF8.GetByteCount(value);
        if (compact)
        {
            WriteUnsignedVarInt((uint)length + 1);
        }
        else
        {
            WriteInt16(checked((short)length));
        }
        Encoding.UTF8.GetBytes(value, Put(length));
    }

    public void WriteBytes(ReadOnlySpan<byte> value, bool compact)
    {
        if (compact)
        {
            WriteUnsignedVarInt((uint)value.Length + 1);
        }
        else
        {
            WriteInt32(value.Length);
        }
        WriteRaw(value);
    }

    public void WriteNullableBytes(ReadOnlyMemory<byte>? value, bool compact)
    {
        if (value is null)
        {
            if (compact)
            {
                WriteUnsignedVarInt(0);
            }
            else
            {
                WriteInt32(-1);
            }
            return;
        }
        WriteBytes(value.Value.Span, compact);
    }

    /// <summary>Array length prefix; -1 writes a null array.</summary>
    public void WriteArrayLength(int count, bool compact)
    {
        if (compact)
        {
            WriteUnsignedVarInt((uint)(count + 1));
        }
        else
        {
            WriteInt32(count);
        }
    }

    /// <summary>An empty tagged-field section (this codec writes no tags).</summary>
    public void WriteEmptyTaggedFields() => WriteByte(0);

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return;
        }
        bytes.CopyTo(Put(bytes.Length));
    }

    private void WriteByte(byte value) => Put(1)[0] = value;

    private Span<byte> Put(int length)
    {
        var span = _output.GetSpan(length)[..length];
        _output.Advance(length);
        return span;
    }
}
