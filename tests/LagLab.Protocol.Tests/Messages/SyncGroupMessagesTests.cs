using LagLab.Protocol.Messages.SyncGroup;
using static LagLab.Protocol.Tests.CodecAssert;

namespace LagLab.Protocol.Tests.Messages;

public sealed class SyncGroupMessagesTests
{
    public static TheoryData<short> AllVersions => Versions(ApiKey.SyncGroup);

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var request = new SyncGroupRequest(
            "recon", 5, "m-1",
            [new("m-1", new byte[] { 0, 0, 0, 0, 0, 1 }), new("m-2", ReadOnlyMemory<byte>.Empty)],
            GroupInstanceId: "pipeline-1");

        RoundTripsTo(request, version, version >= 3 ? request : request with { GroupInstanceId = null });

        EveryPrefixThrows(request, version);
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var response = new SyncGroupResponse(ErrorCode.RebalanceInProgress, new byte[] { 0, 1, 2, 3 }, ThrottleTimeMs: 8);

        RoundTripsTo(response, version, version >= 1 ? response : response with { ThrottleTimeMs = 0 });

        EveryPrefixThrows(response, version);
    }

    [Fact]
    public void Request_V3_MatchesHandComputedBytes()
    {
        var request = new SyncGroupRequest("g", 1, "m", [new("m", new byte[] { 0xAB })]);

        // group "g", generation 1, member "m", instance null, 1 assignment: "m" -> 1 byte
        EncodesTo(request, 3, "0001 67 00000001 0001 6d ffff 00000001 0001 6d 00000001 ab");
    }

    [Fact]
    public void Response_V0_MatchesHandComputedBytes()
    {
        // no throttle at v0; error 0; empty assignment
        EncodesTo(new SyncGroupResponse(ErrorCode.None, ReadOnlyMemory<byte>.Empty), 0, "0000 00000000");
    }
}
