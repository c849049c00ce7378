using LagLab.Protocol.Messages.LeaveGroup;
using static LagLab.Protocol.Tests.CodecAssert;

namespace LagLab.Protocol.Tests.Messages;

public sealed class LeaveGroupMessagesTests
{
    public static TheoryData<short> AllVersions => Versions(ApiKey.LeaveGroup);

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var request = new LeaveGroupRequest("recon", "m-1")
        {
            Members = [new("m-1", GroupInstanceId: null), new("", "pipeline-3")],
        };

        // v0-2 carry one member id; v3 carries only the batch.
        var expected = version >= 3 ? request with { MemberId = "" } : request with { Members = [] };
        RoundTripsTo(request, version, expected);
        EveryPrefixThrows(request, version);
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var response = new LeaveGroupResponse(ErrorCode.None, ThrottleTimeMs: 6)
        {
            Members = [new("m-1", null, ErrorCode.None), new("", "pipeline-3", ErrorCode.UnknownMemberId)],
        };

        var expected = response with
        {
            ThrottleTimeMs = version >= 1 ? response.ThrottleTimeMs : 0,
            Members = version >= 3 ? response.Members : [],
        };
        RoundTripsTo(response, version, expected);
        EveryPrefixThrows(response, version);
    }

    [Fact]
    public void Request_V0_MatchesHandComputedBytes()
    {
        // group "g", member "m"
        EncodesTo(new LeaveGroupRequest("g", "m"), 0, "0001 67 0001 6d");
    }

    [Fact]
    public void Request_V3_MatchesHandComputedBytes()
    {
        // group "g", 1 member: member_id "", instance "i"
        EncodesTo(new LeaveGroupRequest("g") { Members = [new("", "i")] }, 3, "0001 67 00000001 0000 0001 69");
    }

    [Fact]
    public void Response_V3_MatchesHandComputedBytes()
    {
        var response = new LeaveGroupResponse(ErrorCode.None) { Members = [new("", "i", ErrorCode.None)] };

        // throttle 0, error 0, 1 member: "", instance "i", error 0
        EncodesTo(response, 3, "00000000 0000 00000001 0000 0001 69 0000");
    }
}
