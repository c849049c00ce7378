using LagLab.Protocol.Primitives;
using Xunit.Sdk;

namespace LagLab.Protocol.Tests;

/// <summary>The codec assertions must catch what they exist to catch, or every codec test is vacuous.</summary>
public sealed class CodecAssertTests
{
    private sealed record Leaf(int Id, ReadOnlyMemory<byte>? Data);

    private sealed record Tree(string Name, IReadOnlyList<Leaf> Leaves);

    /// <summary>Reads an optional trailing int16 only when bytes remain: a prefix reads "successfully".</summary>
    private sealed record Lenient(int Value, short Tail) : IKafkaMessage<Lenient>
    {
        public static Lenient Read(ref KafkaReader reader, short version) =>
            new(reader.ReadInt32(), reader.End ? (short)0 : reader.ReadInt16());

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteInt32(Value);
            writer.WriteInt16(Tail);
        }
    }

    /// <summary>Indexes a span directly instead of going through the reader's bounds checks.</summary>
    private sealed record Unchecked(byte First, byte Second) : IKafkaMessage<Unchecked>
    {
        public static Unchecked Read(ref KafkaReader reader, short version)
        {
            var span = reader.ReadRemaining().Span;
            return new(span[0], span[1]);
        }

        public void Write(ref KafkaWriter writer, short version) => writer.WriteRaw([First, Second]);
    }

    [Fact]
    public void Equivalent_EqualTreesWithDifferentListInstances_Passes() =>
        CodecAssert.Equivalent(
            new Tree("t", [new(1, new byte[] { 1, 2 })]),
            new Tree("t", new List<Leaf> { new(1, new byte[] { 1, 2 }) }));

    [Fact]
    public void Equivalent_NestedScalarDiffers_FailsNamingThePath()
    {
        var error = Assert.ThrowsAny<XunitException>(() =>
            CodecAssert.Equivalent(new Tree("t", [new(1, null), new(2, null)]), new Tree("t", [new(1, null), new(3, null)])));

        Assert.Contains("value.Leaves[1].Id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equivalent_BytesDiffer_Fails() =>
        Assert.ThrowsAny<XunitException>(() =>
            CodecAssert.Equivalent(new Leaf(1, new byte[] { 1, 2 }), new Leaf(1, new byte[] { 1, 3 })));

    [Fact]
    public void Equivalent_NullVersusEmptyBytes_Fails() =>
        Assert.ThrowsAny<XunitException>(() => CodecAssert.Equivalent(new Leaf(1, null), new Leaf(1, ReadOnlyMemory<byte>.Empty)));

    [Fact]
    public void Equivalent_ListLengthsDiffer_Fails() =>
        Assert.ThrowsAny<XunitException>(() => CodecAssert.Equivalent(new Tree("t", [new(1, null)]), new Tree("t", [])));

    [Fact]
    public void EveryPrefixThrows_ReaderAcceptsAPrefix_Fails() =>
        Assert.ThrowsAny<XunitException>(() => CodecAssert.EveryPrefixThrows(new Lenient(1, 2), 0));

    [Fact]
    public void EveryPrefixThrows_ReaderThrowsIndexOutOfRange_Fails()
    {
        var error = Assert.ThrowsAny<XunitException>(() => CodecAssert.EveryPrefixThrows(new Unchecked(1, 2), 0));

        Assert.Contains(nameof(IndexOutOfRangeException), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_BytesLeftUnread_Fails() =>
        Assert.ThrowsAny<XunitException>(() => CodecAssert.Decode<Lenient>(new byte[] { 0, 0, 0, 1, 0, 2, 0xFF }, 0));

    [Fact]
    public void EncodesTo_DifferentBytes_Fails() =>
        Assert.ThrowsAny<XunitException>(() => CodecAssert.EncodesTo(new Lenient(1, 2), 0, "00000001 0003"));

    [Fact]
    public void Versions_Produce_AreExactlyTheAdvertisedRange() =>
        Assert.Equal([3, 4, 5, 6, 7, 8], CodecAssert.Versions(ApiKey.Produce).Select(row => row.Data));
}
