using LagLab.Protocol.Messages.JoinGroup;
using static LagLab.Protocol.Tests.CodecAssert;

namespace LagLab.Protocol.Tests.Messages;

public sealed class JoinGroupMessagesTests
{
    public static TheoryData<short> AllVersions => Versions(ApiKey.JoinGroup);

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var request = new JoinGroupRequest(
            "recon-grüppe", 45000, "rdkafka-1b2c", "consumer",
            [new("cooperative-sticky", new byte[] { 0, 3, 1, 2 }), new("range", ReadOnlyMemory<byte>.Empty)],
            RebalanceTimeoutMs: 300000,
            GroupInstanceId: "pipeline-0");

        var expected = request with
        {
            RebalanceTimeoutMs = version >= 1 ? request.RebalanceTimeoutMs : -1,
            GroupInstanceId = version >= 5 ? request.GroupInstanceId : null,
        };
        RoundTripsTo(request, version, expected);
        EveryPrefixThrows(request, version);
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var response = new JoinGroupResponse(
            ErrorCode.None, 4, "range", "m-1", "m-2",
            [new("m-1", new byte[] { 0, 1 }, "pipeline-0"), new("m-2", new byte[] { 9 }, GroupInstanceId: null)],
            ThrottleTimeMs: 3);

        var expected = response with
        {
            ThrottleTimeMs = version >= 2 ? response.ThrottleTimeMs : 0,
            Members = version >= 5 ? response.Members : [.. response.Members.Select(m => m with { GroupInstanceId = null })],
        };
        RoundTripsTo(response, version, expected);
        EveryPrefixThrows(response, version);
    }

    [Fact]
    public void Request_V5_MatchesHandComputedBytes()
    {
        var request = new JoinGroupRequest("g", 45000, "", "consumer", [new("range", new byte[] { 1, 2 })], 300000, "i1");

        // group "g", session 45000, rebalance 300000, member "", instance "i1", type "consumer",
        // 1 protocol: "range" with 2 metadata bytes
        EncodesTo(request, 5,
            "0001 67 0000afc8 000493e0 0000 0002 6931 0008 636f6e73756d6572 00000001 0005 72616e6765 00000002 0102");
    }

    [Fact]
    public void Response_V4_MemberIdRequired_MatchesHandComputedBytes()
    {
        var response = new JoinGroupResponse(ErrorCode.MemberIdRequired, -1, "", "", "c-1", []);

        // throttle 0, error 79, generation -1, protocol "", leader "", member "c-1", no members
        EncodesTo(response, 4, "00000000 004f ffffffff 0000 0000 0003 632d31 00000000");
    }
}
