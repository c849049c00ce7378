using LagLab.Protocol.Messages.OffsetCommit;
using static LagLab.Protocol.Tests.CodecAssert;

namespace LagLab.Protocol.Tests.Messages;

public sealed class OffsetCommitMessagesTests
{
    public static TheoryData<short> AllVersions => Versions(ApiKey.OffsetCommit);

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var request = new OffsetCommitRequest(
            "recon",
            [
                new("payments", [new(0, 1200, "meta", CommittedLeaderEpoch: 3, CommitTimestamp: 1_700_000_000_000), new(1, 0, null, 3, 5)]),
                new("refunds", []),
            ],
            GenerationId: 12, MemberId: "m-1", GroupInstanceId: "pipeline-0", RetentionTimeMs: 86_400_000);

        var expected = request with
        {
            GenerationId = version >= 1 ? request.GenerationId : -1,
            MemberId = version >= 1 ? request.MemberId : "",
            GroupInstanceId = version >= 7 ? request.GroupInstanceId : null,
            RetentionTimeMs = version is >= 2 and <= 4 ? request.RetentionTimeMs : -1,
            Topics =
            [
                .. request.Topics.Select(t => t with
                {
                    Partitions =
                    [
                        .. t.Partitions.Select(p => p with
                        {
                            CommittedLeaderEpoch = version >= 6 ? p.CommittedLeaderEpoch : -1,
                            CommitTimestamp = version == 1 ? p.CommitTimestamp : -1,
                        }),
                    ],
                }),
            ],
        };
        RoundTripsTo(request, version, expected);
        EveryPrefixThrows(request, version);
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var response = new OffsetCommitResponse(
            [new("payments", [new(0, ErrorCode.None), new(1, ErrorCode.IllegalGeneration)]), new("refunds", [])],
            ThrottleTimeMs: 2);

        RoundTripsTo(response, version, version >= 3 ? response : response with { ThrottleTimeMs = 0 });

        EveryPrefixThrows(response, version);
    }

    [Fact]
    public void Request_V1_MatchesHandComputedBytes()
    {
        var request = new OffsetCommitRequest("g", [new("t", [new(0, 42, "x", CommitTimestamp: 1000)])], GenerationId: 3, MemberId: "m");

        // group "g", generation 3, member "m", 1 topic "t", 1 partition: index 0, offset 42,
        // commit_timestamp 1000 (v1 only, before metadata), metadata "x"
        EncodesTo(request, 1,
            "0001 67 00000003 0001 6d 00000001 0001 74 00000001 00000000 000000000000002a 00000000000003e8 0001 78");
    }

    [Fact]
    public void Request_V7_MatchesHandComputedBytes()
    {
        var request = new OffsetCommitRequest("g", [new("t", [new(0, 42, "", CommittedLeaderEpoch: 5)])], GenerationId: 3, MemberId: "m");

        // group "g", generation 3, member "m", instance null, (no retention), 1 topic "t",
        // 1 partition: index 0, offset 42, leader epoch 5, metadata ""
        EncodesTo(request, 7,
            "0001 67 00000003 0001 6d ffff 00000001 0001 74 00000001 00000000 000000000000002a 00000005 0000");
    }

    [Fact]
    public void Response_V3_MatchesHandComputedBytes()
    {
        var response = new OffsetCommitResponse([new("t", [new(0, ErrorCode.RebalanceInProgress)])]);

        // throttle 0, 1 topic "t", 1 partition: index 0, error 27
        EncodesTo(response, 3, "00000000 00000001 0001 74 00000001 00000000 001b");
    }
}
