using LagLab.Protocol.Messages.OffsetFetch;
using LagLab.Protocol.Primitives;
using static LagLab.Protocol.Tests.CodecAssert;

namespace LagLab.Protocol.Tests.Messages;

public sealed class OffsetFetchMessagesTests
{
    public static TheoryData<short> AllVersions => Versions(ApiKey.OffsetFetch);

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var request = new OffsetFetchRequest("recon", [new("payments", [0, 1, 11]), new("refunds", [])]);

        RoundTripsTo(request, version, request);

        EveryPrefixThrows(request, version);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Request_NullTopics_RoundTripsFromV2(short version)
    {
        var request = new OffsetFetchRequest("recon", null);

        RoundTripsTo(request, version, request);

        EveryPrefixThrows(request, version);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Request_NullTopicsBeforeV2_IsRejectedBothWays(short version)
    {
        var writeError = Assert.Throws<KafkaProtocolException>(() => Encode(new OffsetFetchRequest("g", null), version));
        Assert.Contains("v2", writeError.Message, StringComparison.Ordinal);

        // group "g" then a null (-1) topic array, which only v2+ allows
        var bytes = Convert.FromHexString(Hex("0001 67 ffffffff"));
        Assert.Throws<KafkaProtocolException>(() =>
        {
            var reader = new KafkaReader(bytes);
            OffsetFetchRequest.Read(ref reader, version);
        });
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var response = new OffsetFetchResponse(
            [
                new("payments", [new(0, 1200, "meta", ErrorCode.None, CommittedLeaderEpoch: 4), new(1, -1, "", ErrorCode.None)]),
                new("refunds", [new(0, 7, null, ErrorCode.UnknownTopicOrPartition, 2)]),
            ],
            ErrorCode.CoordinatorLoadInProgress,
            ThrottleTimeMs: 9);

        var expected = response with
        {
            ThrottleTimeMs = version >= 3 ? response.ThrottleTimeMs : 0,
            ErrorCode = version >= 2 ? response.ErrorCode : ErrorCode.None,
            Topics =
            [
                .. response.Topics.Select(t => t with
                {
                    Partitions = [.. t.Partitions.Select(p => p with { CommittedLeaderEpoch = version >= 5 ? p.CommittedLeaderEpoch : -1 })],
                }),
            ],
        };
        RoundTripsTo(response, version, expected);
        EveryPrefixThrows(response, version);
    }

    [Fact]
    public void Request_V2_NullTopics_MatchesHandComputedBytes()
    {
        // group "g", topics null (all committed offsets)
        EncodesTo(new OffsetFetchRequest("g", null), 2, "0001 67 ffffffff");
    }

    [Fact]
    public void Response_V5_MatchesHandComputedBytes()
    {
        var response = new OffsetFetchResponse([new("t", [new(0, 42, "", ErrorCode.None)])], ErrorCode.NotCoordinator);

        // throttle 0, 1 topic "t", 1 partition: index 0, offset 42, leader epoch -1, metadata "", error 0;
        // then the top-level error 16 AFTER the topics
        EncodesTo(response, 5,
            "00000000 00000001 0001 74 00000001 00000000 000000000000002a ffffffff 0000 0000 0010");
    }
}
