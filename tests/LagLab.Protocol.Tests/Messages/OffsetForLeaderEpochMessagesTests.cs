using LagLab.Protocol.Messages.OffsetForLeaderEpoch;
using static LagLab.Protocol.Tests.CodecAssert;

namespace LagLab.Protocol.Tests.Messages;

public sealed class OffsetForLeaderEpochMessagesTests
{
    public static TheoryData<short> AllVersions => Versions(ApiKey.OffsetForLeaderEpoch);

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var request = new OffsetForLeaderEpochRequest(
            [new("payments", [new(0, 3, 2), new(1, -1, 0)]), new("refunds", [])],
            ReplicaId: -1);

        RoundTripsTo(request, version, version >= 3 ? request : request with { ReplicaId = -2 });

        EveryPrefixThrows(request, version);
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var response = new OffsetForLeaderEpochResponse(
            [new("payments", [new(ErrorCode.None, 0, 2, 1200), new(ErrorCode.UnknownTopicOrPartition, 1, -1, -1)])],
            ThrottleTimeMs: 7);

        RoundTripsTo(response, version, response);

        EveryPrefixThrows(response, version);
    }

    [Fact]
    public void Request_V3_MatchesHandComputedBytes()
    {
        var request = new OffsetForLeaderEpochRequest([new("t", [new(0, 0, 0)])], ReplicaId: -1);

        // replica -1, 1 topic "t", 1 partition: index 0, current leader epoch 0, leader epoch 0
        EncodesTo(request, 3, "ffffffff 00000001 0001 74 00000001 00000000 00000000 00000000");
    }

    [Fact]
    public void Response_V2_MatchesHandComputedBytes()
    {
        var response = new OffsetForLeaderEpochResponse([new("t", [new(ErrorCode.None, 0, 0, 100)])]);

        // throttle 0, 1 topic "t", 1 partition: error 0, index 0, leader epoch 0, end offset 100
        EncodesTo(response, 2, "00000000 00000001 0001 74 00000001 0000 00000000 00000000 0000000000000064");
    }
}
