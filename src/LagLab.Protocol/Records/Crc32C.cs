using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace LagLab.Protocol.Records;

/// <summary>
/// CRC-32C (Castagnoli), the checksum of record batches v2. Uses the CPU's crc32 instruction through
/// <see cref="BitOperations.Crc32C(uint, ulong)"/> over 8-byte words, so checking a whole batch on every
/// append costs little next to copying it.
/// </summary>
public static class Crc32C
{
    /// <summary>The checksum of <paramref name="data"/> (initial value and final xor of all ones, as Kafka uses it).</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => ~Update(uint.MaxValue, data);

    /// <summary>The checksum of two spans as if they were one, for a header patched apart from its body.</summary>
    public static uint Compute(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) => ~Update(Update(uint.MaxValue, first), second);

    private static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var word in words)
        {
            // The reflected CRC consumes bytes in memory order, which is a little-endian word.
            crc = BitOperations.Crc32C(crc, BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word));
        }
        foreach (var b in data[(words.Length * sizeof(ulong))..])
        {
            crc = BitOperations.Crc32C(crc, b);
        }
        return crc;
    }
}
