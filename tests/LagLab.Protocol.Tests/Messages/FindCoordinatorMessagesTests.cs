using LagLab.Protocol.Messages.FindCoordinator;
using static LagLab.Protocol.Tests.CodecAssert;

namespace LagLab.Protocol.Tests.Messages;

public sealed class FindCoordinatorMessagesTests
{
    public static TheoryData<short> AllVersions => Versions(ApiKey.FindCoordinator);

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var request = new FindCoordinatorRequest("orders-group", KeyType: 1);

        RoundTripsTo(request, version, version >= 1 ? request : request with { KeyType = 0 });

        EveryPrefixThrows(request, version);
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var response = new FindCoordinatorResponse(ErrorCode.CoordinatorNotAvailable, 7, "broker-1.local", 19092, "loading", ThrottleTimeMs: 12);

        RoundTripsTo(response, version, version >= 1 ? response : response with { ErrorMessage = null, ThrottleTimeMs = 0 });

        EveryPrefixThrows(response, version);
    }

    [Fact]
    public void Request_V1_MatchesHandComputedBytes()
    {
        // key "g1", key_type 0 (group)
        EncodesTo(new FindCoordinatorRequest("g1"), 1, "0002 6731 00");
    }

    [Fact]
    public void Response_V1_MatchesHandComputedBytes()
    {
        // throttle 0, error 0, error_message null, node 1, host "localhost", port 9092
        EncodesTo(new FindCoordinatorResponse(ErrorCode.None, 1, "localhost", 9092), 1,
            "00000000 0000 ffff 00000001 0009 6c6f63616c686f7374 00002384");
    }
}
