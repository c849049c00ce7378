using LagLab.Protocol.Messages.DescribeGroups;
using static LagLab.Protocol.Tests.CodecAssert;

namespace LagLab.Protocol.Tests.Messages;

public sealed class DescribeGroupsMessagesTests
{
    public static TheoryData<short> AllVersions => Versions(ApiKey.DescribeGroups);

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var request = new DescribeGroupsRequest(["recon", "grüppe"], IncludeAuthorizedOperations: true);

        RoundTripsTo(request, version, version >= 3 ? request : request with { IncludeAuthorizedOperations = false });

        EveryPrefixThrows(request, version);
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var response = new DescribeGroupsResponse(
            [
                new(ErrorCode.None, "recon", "Stable", "consumer", "cooperative-sticky",
                    [
                        new("m-1", "rdkafka", "/127.0.0.1", new byte[] { 0, 1, 0, 0 }, new byte[] { 0, 1, 2 }, "pipeline-0"),
                        new("m-2", "rdkafka", "/127.0.0.2", ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty),
                    ],
                    AuthorizedOperations: 0b1_0111_1000),
                new(ErrorCode.None, "gone", "Dead", "", "", []),
            ],
            ThrottleTimeMs: 5);

        var expected = response with
        {
            ThrottleTimeMs = version >= 1 ? response.ThrottleTimeMs : 0,
            Groups =
            [
                .. response.Groups.Select(g => g with
                {
                    AuthorizedOperations = version >= 3 ? g.AuthorizedOperations : DescribeGroupsResponse.AuthorizedOperationsOmitted,
                    Members = version >= 4 ? g.Members : [.. g.Members.Select(m => m with { GroupInstanceId = null })],
                }),
            ],
        };
        RoundTripsTo(response, version, expected);
        EveryPrefixThrows(response, version);
    }

    [Fact]
    public void Request_V3_MatchesHandComputedBytes()
    {
        // 1 group "g", include_authorized_operations true
        EncodesTo(new DescribeGroupsRequest(["g"], IncludeAuthorizedOperations: true), 3, "00000001 0001 67 01");
    }

    [Fact]
    public void Response_V4_MatchesHandComputedBytes()
    {
        var response = new DescribeGroupsResponse(
        [
            new(ErrorCode.None, "g", "Stable", "consumer", "range",
                [new("m", "c", "/127.0.0.1", new byte[] { 0 }, ReadOnlyMemory<byte>.Empty, "i")]),
        ]);

        // throttle 0, 1 group: error 0, "g", "Stable", "consumer", "range", 1 member: "m", instance "i",
        // client "c", host "/127.0.0.1", metadata 1 byte 00, assignment 0 bytes; authorized ops INT_MIN
        EncodesTo(response, 4,
            "00000000 00000001 0000 0001 67 0006 537461626c65 0008 636f6e73756d6572 0005 72616e6765 " +
            "00000001 0001 6d 0001 69 0001 63 000a 2f3132372e302e302e31 00000001 00 00000000 80000000");
    }
}
