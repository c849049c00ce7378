using LagLab.Protocol.Groups;
using static LagLab.Protocol.Tests.CodecAssert;

namespace LagLab.Protocol.Tests.Groups;

public sealed class ConsumerProtocolSubscriptionTests
{
    private static readonly ConsumerProtocolSubscription Full =
        new(["payments", "refunds"], new byte[] { 1, 2, 3 }, GenerationId: 7, RackId: "rack-a")
        {
            OwnedPartitions = [new("payments", [0, 2]), new("refunds", [])],
        };

    private static ConsumerProtocolSubscription ExpectedAt(short version) => Full with
    {
        OwnedPartitions = version >= 1 ? Full.OwnedPartitions : [],
        GenerationId = version >= 2 ? Full.GenerationId : -1,
        RackId = version >= 3 ? Full.RackId : null,
    };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Body_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        RoundTripsTo(Full, version, ExpectedAt(version));
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

        Equivalent(ExpectedAt(version), ConsumerProtocolSubscription.Deserialize(bytes));
        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes.AsMemory(0, length);
            Assert.Throws<KafkaProtocolException>(() => ConsumerProtocolSubscription.Deserialize(prefix));
        }
    }

    [Fact]
    public void Serialize_NullUserData_RoundTripsAsNull()
    {
        var subscription = new ConsumerProtocolSubscription(["t"]);

        Equivalent(subscription, ConsumerProtocolSubscription.Deserialize(subscription.Serialize(3)));
    }

    [Fact]
    public void Serialize_V1_MatchesHandComputedBytes()
    {
        var subscription = new ConsumerProtocolSubscription(["t"]) { OwnedPartitions = [new("t", [0])] };

        // version 1, 1 topic "t", user_data null, owned: 1 topic "t" with 1 partition 0
        Assert.Equal(
            Hex("0001 00000001 0001 74 ffffffff 00000001 0001 74 00000001 00000000"),
            Convert.ToHexString(subscription.Serialize(1)));
    }

    [Fact]
    public void Deserialize_NewerVersionWithAppendedField_ReadsKnownFieldsAsV3()
    {
        // version 4 = the v3 layout (1 topic "t", user_data null, no owned, generation 2, rack "r")
        // plus a field we do not know yet (int32 0x01020304)
        var bytes = Convert.FromHexString(Hex("0004 00000001 0001 74 ffffffff 00000000 00000002 0001 72 01020304"));

        var subscription = ConsumerProtocolSubscription.Deserialize(bytes);

        Equivalent(new ConsumerProtocolSubscription(["t"], GenerationId: 2, RackId: "r"), subscription);
    }

    [Fact]
    public void Deserialize_NegativeVersion_ThrowsNamingTheVersion()
    {
        var bytes = Convert.FromHexString(Hex("ffff 00000000 ffffffff"));

        var error = Assert.Throws<KafkaProtocolException>(() => ConsumerProtocolSubscription.Deserialize(bytes));

        Assert.Contains("-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_Empty_ThrowsSayingItIsEmpty()
    {
        var error = Assert.Throws<KafkaProtocolException>(() => ConsumerProtocolSubscription.Deserialize(ReadOnlyMemory<byte>.Empty));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Serialize_VersionOutsideZeroToThree_Throws(short version)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Full.Serialize(version));
    }
}
