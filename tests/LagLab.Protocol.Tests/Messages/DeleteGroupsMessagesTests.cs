using LagLab.Protocol.Messages.DeleteGroups;
using static LagLab.Protocol.Tests.CodecAssert;

namespace LagLab.Protocol.Tests.Messages;

public sealed class DeleteGroupsMessagesTests
{
    public static TheoryData<short> AllVersions => Versions(ApiKey.DeleteGroups);

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var request = new DeleteGroupsRequest(["recon", "old-group"]);

        RoundTripsTo(request, version, request);

        EveryPrefixThrows(request, version);
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var response = new DeleteGroupsResponse([new("recon", ErrorCode.NonEmptyGroup), new("old-group", ErrorCode.None)], ThrottleTimeMs: 3);

        RoundTripsTo(response, version, response);

        EveryPrefixThrows(response, version);
    }

    [Fact]
    public void Request_V0_MatchesHandComputedBytes()
    {
        // 1 group "g"
        EncodesTo(new DeleteGroupsRequest(["g"]), 0, "00000001 0001 67");
    }

    [Fact]
    public void Response_V1_MatchesHandComputedBytes()
    {
        // throttle 0, 1 result: "g", error 68 (NON_EMPTY_GROUP)
        EncodesTo(new DeleteGroupsResponse([new("g", ErrorCode.NonEmptyGroup)]), 1, "00000000 00000001 0001 67 0044");
    }
}
