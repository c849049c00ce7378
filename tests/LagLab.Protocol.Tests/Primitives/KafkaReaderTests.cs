using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Tests.Primitives;

public sealed class KafkaReaderTests
{
    // Regression: compact lengths above int.MaxValue overflowed (OverflowException) or read as null.
    private static readonly byte[] HugeCompactLength = [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 1, 2, 3];

    [Fact]
    public void ReadNullableBytes_CompactLengthBeyondInt32_ThrowsProtocolException()
    {
        Assert.Throws<KafkaProtocolException>(() =>
        {
            var reader = new KafkaReader(HugeCompactLength);
            reader.ReadNullableBytes(compact: true);
        });
    }

    [Fact]
    public void ReadNullableString_CompactLengthBeyondInt32_ThrowsProtocolException()
    {
        Assert.Throws<KafkaProtocolException>(() =>
        {
            var reader = new KafkaReader(HugeCompactLength);
            reader.ReadNullableString(compact: true);
        });
    }

    [Fact]
    public void SkipTaggedFields_TagSizeBeyondInt32_ThrowsProtocolException()
    {
        Assert.Throws<KafkaProtocolException>(() =>
        {
            var reader = new KafkaReader(new byte[] { 1, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F });
            reader.SkipTaggedFields();
        });
    }

    [Theory]
    [InlineData(new byte[] { 0x00 }, 0)]
    [InlineData(new byte[] { 0x01 }, -1)]
    [InlineData(new byte[] { 0x02 }, 1)]
    [InlineData(new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0x0F }, int.MaxValue)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }, int.MinValue)]
    public void ReadVarInt_ZigZag_DecodesEdges(byte[] bytes, int expected)
    {
        var reader = new KafkaReader(bytes);
        Assert.Equal(expected, reader.ReadVarInt());
    }

    [Fact]
    public void ReadUnsignedVarInt_SixBytes_ThrowsProtocolException()
    {
        Assert.Throws<KafkaProtocolException>(() =>
        {
            var reader = new KafkaReader(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 });
            reader.ReadUnsignedVarInt();
        });
    }
}
