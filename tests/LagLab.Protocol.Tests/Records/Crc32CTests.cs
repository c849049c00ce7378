using System.Text;
using LagLab.Protocol.Records;

namespace LagLab.Protocol.Tests.Records;

public sealed class Crc32CTests
{
    [Fact]
    public void Compute_StandardCheckString_MatchesCastagnoliCheckValue()
    {
        // The published CRC-32C check value for "123456789".
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
    }

    [Fact]
    public void Compute_Empty_IsZero()
    {
        Assert.Equal(0u, Crc32C.Compute(ReadOnlySpan<byte>.Empty));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(100)]
    public void Compute_TwoParts_EqualsWholeAtEverySplit(int split)
    {
        var data = Encoding.ASCII.GetBytes(new string('x', 57) + "the quick brown fox jumps over the lazy dog");

        var whole = Crc32C.Compute(data);
        var parts = Crc32C.Compute(data.AsSpan(0, split), data.AsSpan(split));

        Assert.Equal(whole, parts);
    }

    [Fact]
    public void Compute_OneBitFlipped_Differs()
    {
        var data = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var before = Crc32C.Compute(data);

        data[517] ^= 0x10;

        Assert.NotEqual(before, Crc32C.Compute(data));
    }
}
