using LagLab.Protocol.Messages.OffsetDelete;
using static LagLab.Protocol.Tests.CodecAssert;

namespace LagLab.Protocol.Tests.Messages;

public sealed class OffsetDeleteMessagesTests
{
    public static TheoryData<short> AllVersions => Versions(ApiKey.OffsetDelete);

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var request = new OffsetDeleteRequest("recon", [new("payments", [0, 2]), new("refunds", [])]);

        RoundTripsTo(request, version, request);

        EveryPrefixThrows(request, version);
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var response = new OffsetDeleteResponse(
            ErrorCode.None,
            [new("payments", [new(0, ErrorCode.None), new(2, ErrorCode.GroupSubscribedToTopic)])],
            ThrottleTimeMs: 4);

        RoundTripsTo(response, version, response);

        EveryPrefixThrows(response, version);
    }

    [Fact]
    public void Request_V0_MatchesHandComputedBytes()
    {
        // group "g", 1 topic "t", 1 partition 3
        EncodesTo(new OffsetDeleteRequest("g", [new("t", [3])]), 0, "0001 67 00000001 0001 74 00000001 00000003");
    }

    [Fact]
    public void Response_V0_MatchesHandComputedBytes()
    {
        var response = new OffsetDeleteResponse(ErrorCode.None, [new("t", [new(0, ErrorCode.GroupSubscribedToTopic)])]);

        // error 0 BEFORE throttle 0, 1 topic "t", 1 partition: index 0, error 86
        EncodesTo(response, 0, "0000 00000000 00000001 0001 74 00000001 00000000 0056");
    }
}
