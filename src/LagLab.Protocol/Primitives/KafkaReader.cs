using System.Buffers.Binary;
using System.Text;

namespace LagLab.Protocol.Primitives;

/// <summary>
/// Reads Kafka primitive types (big-endian) from one complete, size-checked frame.
/// Every read checks bounds and throws <see cref="KafkaProtocolException"/> on truncation, so a
/// malformed frame can never read past its end. Byte fields are returned as slices of the frame
/// (no copy), which is how record batches reach the log untouched.
/// </summary>
public ref struct KafkaReader
{
    private readonly ReadOnlyMemory<byte> _memory;
    private readonly ReadOnlySpan<byte> _span;
    private int _position;

    public KafkaReader(ReadOnlyMemory<byte> frame)
    {
        _memory = frame;
        _span = frame.Span;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly int Remaining => _span.Length - _position;

    public readonly bool End => _position >= _span.Length;

    public sbyte ReadInt8() => (sbyte)Take(1)[0];

    public bool ReadBoolean() => Take(1)[0] != 0;

    public short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public double ReadFloat64() => BinaryPrimitives.ReadDoubleBigEndian(Take(8));

    public Guid ReadUuid() => new(Take(16), bigEndian: true);

    /// <summary>Unsigned LEB128 varint, at most 5 bytes.</summary>
    public uint ReadUnsignedVarInt()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = Take(1)[0];
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        throw new KafkaProtocolException("Varint is longer than 5 bytes.");
    }

    /// <summary>Zig-zag encoded signed varint (used inside records).</summary>
    public int ReadVarInt()
    {
        var raw = ReadUnsignedVarInt();
        return (int)(raw >> 1) ^ -(int)(raw & 1);
    }

    /// <summary>Zig-zag encoded signed varlong, at most 10 bytes.</summary>
    public long ReadVarLong()
    {
        ulong raw = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = Take(1)[0];
            raw |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (long)(raw >> 1) ^ -(long)(raw & 1);
            }
        }
        throw new KafkaProtocolException("Varlong is longer than 10 bytes.");
    }

    public string ReadString(bool compact) =>
        ReadNullableString(compact) ?? throw new KafkaProtocolException("Non-nullable string is null.");

    public string? ReadNullableString(bool compact)
    {
        var length = compact ? (long)ReadUnsignedVarInt() - 1 : ReadInt16();
        if (length < 0)
        {
            return null;
        }
        return Encoding.UTF8.GetString(Take(CheckedLength(length)));
    }

    public ReadOnlyMemory<byte> ReadBytes(bool compact) =>
        ReadNullableBytes(compact) ?? throw new KafkaProtocolException("Non-nullable bytes field is null.");

    public ReadOnlyMemory<byte>? ReadNullableBytes(bool compact)
    {
        var length = compact ? (long)ReadUnsignedVarInt() - 1 : ReadInt32();
        if (length < 0)
        {
            return null;
        }
        return TakeMemory(CheckedLength(length));
    }

    /// <summary>Array length; -1 (null) is returned as -1. Bounded by the bytes left, so a hostile count allocates nothing.</summary>
    public int ReadArrayLength(bool compact)
    {
        var length = compact ? (long)ReadUnsignedVarInt() - 1 : ReadInt32();
        if (length < -1 || length > Remaining)
        {
            throw new KafkaProtocolException($"Array length {length} is invalid for {Remaining} remaining bytes.");
        }
        return (int)length;
    }

    /// <summary>Array length that must not be null.</summary>
    public int ReadNonNullArrayLength(bool compact)
    {
        var length = ReadArrayLength(compact);
        return length < 0 ? throw new KafkaProtocolException("Non-nullable array is null.") : length;
    }

    /// <summary>Tagged fields of a flexible version: this broker knows none, so every tag is skipped.</summary>
    public void SkipTaggedFields()
    {
        var count = ReadUnsignedVarInt();
        for (var i = 0u; i < count; i++)
        {
            ReadUnsignedVarInt();
            var size = ReadUnsignedVarInt();
            Take(CheckedLength(size));
        }
    }

    public ReadOnlySpan<byte> ReadSpan(int length) => Take(length);

    public ReadOnlyMemory<byte> ReadMemory(int length) => TakeMemory(length);

    public ReadOnlyMemory<byte> ReadRemaining() => TakeMemory(Remaining);

    /// <summary>A length from the wire that must fit in what is left of the frame; anything else is a protocol error.</summary>
    private readonly int CheckedLength(long length) =>
        length <= Remaining ? (int)length : throw new KafkaProtocolException($"Length {length} at offset {_position} exceeds the {Remaining} bytes left.");

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || length > _span.Length - _position)
        {
            throw new KafkaProtocolException($"Frame truncated: needed {length} bytes at offset {_position}, {Remaining} left.");
        }
        var slice = _span.Slice(_position, length);
        _position += length;
        return slice;
    }

    private ReadOnlyMemory<byte> TakeMemory(int length)
    {
        if (length < 0 || length > _span.Length - _position)
        {
            throw new KafkaProtocolException($"Frame truncated: needed {length} bytes at offset {_position}, {Remaining} left.");
        }
        var slice = _memory.Slice(_position, length);
        _position += length;
        return slice;
    }
}
