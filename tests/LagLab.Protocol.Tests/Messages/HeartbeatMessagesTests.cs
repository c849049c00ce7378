using LagLab.Protocol.Messages.Heartbeat;
using static LagLab.Protocol.Tests.CodecAssert;

namespace LagLab.Protocol.Tests.Messages;

public sealed class HeartbeatMessagesTests
{
    public static TheoryData<short> AllVersions => Versions(ApiKey.Heartbeat);

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var request = new HeartbeatRequest("recon", 9, "m-1", "pipeline-2");

        RoundTripsTo(request, version, version >= 3 ? request : request with { GroupInstanceId = null });

        EveryPrefixThrows(request, version);
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var response = new HeartbeatResponse(ErrorCode.RebalanceInProgress, ThrottleTimeMs: 4);

        RoundTripsTo(response, version, version >= 1 ? response : response with { ThrottleTimeMs = 0 });

        EveryPrefixThrows(response, version);
    }

    [Fact]
    public void Request_V3_MatchesHandComputedBytes()
    {
        // group "g", generation 2, member "m", instance "i"
        EncodesTo(new HeartbeatRequest("g", 2, "m", "i"), 3, "0001 67 00000002 0001 6d 0001 69");
    }

    [Fact]
    public void Response_V1_MatchesHandComputedBytes()
    {
        // throttle 0, error 27 (REBALANCE_IN_PROGRESS)
        EncodesTo(new HeartbeatResponse(ErrorCode.RebalanceInProgress), 1, "00000000 001b");
    }
}
