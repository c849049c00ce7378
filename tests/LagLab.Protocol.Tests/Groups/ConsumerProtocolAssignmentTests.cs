using LagLab.Protocol.Groups;
using static LagLab.Protocol.Tests.CodecAssert;

namespace LagLab.Protocol.Tests.Groups;

public sealed class ConsumerProtocolAssignmentTests
{
    private static readonly ConsumerProtocolAssignment Full =
        new([new("payments", [0, 1, 5]), new("refunds", [])], new byte[] { 0xCA, 0xFE });

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Body_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        RoundTripsTo(Full, version, Full);
        EveryPrefixThrows(Full, version);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Serialize_ThenDeserialize_RoundTripsAndRejectsEveryStrictPrefix(short version)
    {
        var bytes = Full.Serialize(version);

        Equivalent(Full, ConsumerProtocolAssignment.Deserialize(bytes));
        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes.AsMemory(0, length);
            Assert.Throws<KafkaProtocolException>(() => ConsumerProtocolAssignment.Deserialize(prefix));
        }
    }

    [Fact]
    public void Serialize_V0_MatchesHandComputedBytes()
    {
        var assignment = new ConsumerProtocolAssignment([new("t", [0, 1])]);

        // version 0, 1 topic "t" with partitions 0 and 1, user_data null
        Assert.Equal(
            Hex("0000 00000001 0001 74 00000002 00000000 00000001 ffffffff"),
            Convert.ToHexString(assignment.Serialize(0)));
    }

    [Fact]
    public void Deserialize_EmptyAssignmentFromDescribeGroups_ThrowsSayingItIsEmpty()
    {
        var error = Assert.Throws<KafkaProtocolException>(() => ConsumerProtocolAssignment.Deserialize(ReadOnlyMemory<byte>.Empty));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }
}
