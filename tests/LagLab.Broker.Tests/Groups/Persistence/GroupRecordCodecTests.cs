using System.Text;
using LagLab.Broker.Groups;
using LagLab.Broker.Groups.Persistence;

namespace LagLab.Broker.Tests.Groups.Persistence;

public sealed class GroupRecordCodecTests
{
    [Fact]
    public void OffsetCommitKey_V1_IsByteExact()
    {
        var bytes = new OffsetCommitKey("g1", new TopicPartition("tp", 3)).Encode();

        // version 1 | "g1" | "tp" | partition 3
        Assert.Equal(Convert.FromHexString("0001" + "0002" + "6731" + "0002" + "7470" + "00000003"), bytes);
        Assert.Equal(new OffsetCommitKey("g1", new TopicPartition("tp", 3)), GroupRecordKey.Decode(bytes));
    }

    [Fact]
    public void OffsetCommitKey_V0_DecodesLikeV1()
    {
        var bytes = Convert.FromHexString("0000" + "0002" + "6731" + "0002" + "7470" + "00000003");

        Assert.Equal(new OffsetCommitKey("g1", new TopicPartition("tp", 3)), GroupRecordKey.Decode(bytes));
    }

    [Fact]
    public void GroupMetadataKey_V2_IsByteExact()
    {
        var bytes = new GroupMetadataKey("grp").Encode();

        Assert.Equal(Convert.FromHexString("0002" + "0003" + "677270"), bytes);
        Assert.Equal(new GroupMetadataKey("grp"), GroupRecordKey.Decode(bytes));
    }

    [Fact]
    public void OffsetCommitValue_V3_IsByteExact()
    {
        var bytes = OffsetCommitValue.Encode(new CommittedOffset(0x0102, 7, "md", 0x0A0B));

        // version 3 | offset | leader epoch | "md" | commit timestamp
        Assert.Equal(Convert.FromHexString("0003" + "0000000000000102" + "00000007" + "0002" + "6D64" + "0000000000000A0B"), bytes);
        Assert.Equal(new CommittedOffset(0x0102, 7, "md", 0x0A0B), OffsetCommitValue.Decode(bytes));
    }

    [Theory]
    [InlineData("0000" + "0000000000000005" + "0000" + "0000000000000009")]
    [InlineData("0001" + "0000000000000005" + "0000" + "0000000000000009" + "00000000000000FF")]
    [InlineData("0002" + "0000000000000005" + "0000" + "0000000000000009")]
    public void OffsetCommitValue_OlderVersions_Decode(string hex)
    {
        var value = OffsetCommitValue.Decode(Convert.FromHexString(hex));

        Assert.Equal(new CommittedOffset(5, -1, "", 9), value);
    }

    [Fact]
    public void GroupMetadataValue_V1_IsByteExact()
    {
        var value = new GroupMetadataValue("consumer", 2, "range", "m1", 123,
        [
            new GroupMetadataValue.Member("m1", null, "c", "/h", 300, 45, new byte[] { 0xAA }, new byte[] { 0xBB, 0xCC }),
        ]);

        var bytes = value.Encode();

        var expected =
            "0001" +                                // version 1 (no static member)
            "0008" + Hex("consumer") +              // protocol type
            "00000002" +                            // generation
            "0005" + Hex("range") +                 // protocol
            "0002" + Hex("m1") +                    // leader
            "00000001" +                            // one member
            "0002" + Hex("m1") +                    // member id
            "0001" + Hex("c") +                     // client id
            "0002" + Hex("/h") +                    // client host
            "0000012C" +                            // rebalance timeout 300
            "0000002D" +                            // session timeout 45
            "00000001" + "AA" +                     // subscription
            "00000002" + "BBCC";                    // assignment
        Assert.Equal(Convert.FromHexString(expected), bytes);
    }

    [Fact]
    public void GroupMetadataValue_WithStaticMember_IsWrittenAtV3AndRoundTrips()
    {
        var value = new GroupMetadataValue("consumer", 9, "range", "m1", 123,
        [
            new GroupMetadataValue.Member("m1", "instance-1", "c", "/h", 300, 45, new byte[] { 1 }, new byte[] { 2 }),
            new GroupMetadataValue.Member("m2", null, "c2", "/h2", 301, 46, Array.Empty<byte>(), Array.Empty<byte>()),
        ]);

        var bytes = value.Encode();
        var back = GroupMetadataValue.Decode(bytes);

        Assert.Equal(3, (bytes[0] << 8) | bytes[1]);
        Assert.Equal(123, back.StateTimestampMs);
        Assert.Equal("instance-1", back.Members[0].GroupInstanceId);
        Assert.Null(back.Members[1].GroupInstanceId);
        Assert.Equal([1], back.Members[0].Subscription.ToArray());
        Assert.Equal(301, back.Members[1].RebalanceTimeoutMs);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void GroupMetadataValue_EveryVersion_RoundTripsWhatItCarries(short version)
    {
        var value = new GroupMetadataValue("consumer", 4, null, null, 77,
            [new GroupMetadataValue.Member("m", "i", "c", "/h", 500, 40, new byte[] { 9 }, new byte[] { 8 })]);

        var back = GroupMetadataValue.Decode(value.Encode(version));

        Assert.Equal(4, back.GenerationId);
        Assert.Null(back.ProtocolName);
        Assert.Equal(version >= 2 ? 77 : -1, back.StateTimestampMs);
        Assert.Equal(version >= 3 ? "i" : null, back.Members[0].GroupInstanceId);
        // v0 has no rebalance timeout: the session timeout stands in, as in Kafka.
        Assert.Equal(version >= 1 ? 500 : 40, back.Members[0].RebalanceTimeoutMs);
    }

    [Fact]
    public void Decode_TruncatedOrUnknown_ThrowsInvalidDataNamingTheProblem()
    {
        var value = OffsetCommitValue.Encode(new CommittedOffset(1, 1, "x", 1));
        for (var length = 0; length < value.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => OffsetCommitValue.Decode(value.AsMemory(0, length)));
        }
        var unknown = Assert.Throws<InvalidDataException>(() => GroupRecordKey.Decode(new byte[] { 0, 9 }));
        Assert.Contains("version 9", unknown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("my-group", 0)]
    [InlineData("group-1", 0)]
    [InlineData("laglab", 0)]
    public void PartitionFor_MatchesJavaHashCodeModulo50(string groupId, int unused)
    {
        _ = unused;
        var expected = Math.Abs(ReferenceJavaHash(groupId)) % 50;

        Assert.Equal(expected, OffsetsTopic.PartitionFor(groupId));
    }

    [Fact]
    public void PartitionFor_KnownKafkaValues()
    {
        // Java: "test".hashCode() = 3_556_498, so partition 48.
        Assert.Equal(3_556_498, OffsetsTopic.JavaHashCode("test"));
        Assert.Equal(48, OffsetsTopic.PartitionFor("test"));
        // "polygenelubricants".hashCode() is Integer.MIN_VALUE; Kafka's Utils.abs maps it to 0.
        Assert.Equal(int.MinValue, OffsetsTopic.JavaHashCode("polygenelubricants"));
        Assert.Equal(0, OffsetsTopic.PartitionFor("polygenelubricants"));
    }

    [Fact]
    public void JavaHashCode_UsesUtf16CodeUnits()
    {
        // U+1F600 is a surrogate pair: 0xD83D, 0xDE00.
        Assert.Equal(unchecked((31 * 0xD83D) + 0xDE00), OffsetsTopic.JavaHashCode("\U0001F600"));
    }

    private static int ReferenceJavaHash(string s)
    {
        var h = 0;
        foreach (var b in Encoding.Unicode.GetBytes(s).Chunk(2))
        {
            h = unchecked((h * 31) + (b[0] | (b[1] << 8)));
        }
        return h;
    }

    private static string Hex(string s) => Convert.ToHexString(Encoding.UTF8.GetBytes(s));
}
