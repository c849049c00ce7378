using LagLab.Protocol.Messages;
using LagLab.Protocol.Messages.ListOffsets;
using static LagLab.Protocol.Tests.Versioned;

namespace LagLab.Protocol.Tests.Messages;

public sealed class ListOffsetsMessagesTests
{
    private static ListOffsetsRequest Request(short? v) => new(
        ReplicaId: -1,
        [
            new("orders",
            [
                new(0, ListOffsetsRequest.LatestTimestamp, Since(v, 4, 2, -1), Only(v, 0, 5, 1)),
                new(1, 1_700_000_000_000),
            ]),
            new("empty", []),
        ],
        Since(v, 2, IsolationLevel.ReadCommitted, IsolationLevel.ReadUncommitted));

    private static ListOffsetsResponse Response(short? v) => new(
        [
            new("orders",
            [
                new(0, ErrorCode.None,
                    Timestamp: Since(v, 1, 1_700_000_000_000L, -1L),
                    Offset: Since(v, 1, 42L, -1L),
                    LeaderEpoch: Since(v, 4, 0, -1),
                    OldStyleOffsets: Only<long[]>(v, 0, [42], [])),
                new(1, ErrorCode.UnknownTopicOrPartition),
            ]),
        ],
        ThrottleTimeMs: Since(v, 2, 8, 0));

    [Fact]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.ListOffsets, Request);

    [Fact]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.ListOffsets, Response);

    [Fact]
    public void Request_V0_MatchesHandEncoding() =>
        CodecAssert.EncodesTo(
            new ListOffsetsRequest(-1, [new("t", [new(0, -1)])]),
            0,
            "ffffffff" + // replica_id -1
            "00000001 0001 74 00000001" + // topics[1] "t", partitions[1]
            "00000000 ffffffffffffffff" + // index 0, timestamp -1 (latest)
            "00000001"); // max_num_offsets 1 (v0 only)

    [Fact]
    public void Response_V0_MatchesHandEncoding_OldStyleOffsets() =>
        CodecAssert.EncodesTo(
            new ListOffsetsResponse([new("t", [new(0, ErrorCode.None, OldStyleOffsets: [42])])]),
            0,
            "00000001 0001 74 00000001" + // topics[1] "t", partitions[1]
            "00000000 0000" + // index 0, error 0
            "00000001 000000000000002a"); // old_style_offsets [42]

    [Fact]
    public void Response_V5_MatchesHandEncoding() =>
        CodecAssert.EncodesTo(
            new ListOffsetsResponse([new("t", [new(0, ErrorCode.None, -1, 42, 0)])]),
            5,
            "00000000" + // throttle_time_ms
            "00000001 0001 74 00000001" + // topics[1] "t", partitions[1]
            "00000000 0000" + // index 0, error 0
            "ffffffffffffffff 000000000000002a 00000000"); // timestamp -1, offset 42, leader_epoch 0
}
