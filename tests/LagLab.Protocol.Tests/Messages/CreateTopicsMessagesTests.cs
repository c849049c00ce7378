using LagLab.Protocol.Messages.CreateTopics;
using static LagLab.Protocol.Tests.Versioned;

namespace LagLab.Protocol.Tests.Messages;

public sealed class CreateTopicsMessagesTests
{
    private static CreateTopicsRequest Request(short? v) => new(
        [
            new("orders", 12, 1, [], [new("retention.ms", "3600000"), new("cleanup.policy", null)]),
            new("placed", -1, -1, [new(0, [1]), new(1, [1, 2])]),
        ],
        TimeoutMs: 5_000,
        ValidateOnly: Since(v, 1, true, false));

    private static CreateTopicsResponse Response(short? v) => new(
        [
            new("orders", ErrorCode.None),
            new("orders", ErrorCode.TopicAlreadyExists, Since<string?>(v, 1, "Topic 'orders' already exists.", null)),
        ],
        ThrottleTimeMs: Since(v, 2, 6, 0));

    [Fact]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.CreateTopics, Request);

    [Fact]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.CreateTopics, Response);

    [Fact]
    public void Request_V4_MatchesHandEncoding() =>
        CodecAssert.EncodesTo(
            new CreateTopicsRequest([new("t", -1, -1, [], [new("retention.ms", "1000")])], 5_000),
            4,
            "00000001 0001 74" + // topics[1], name "t"
            "ffffffff ffff" + // num_partitions -1, replication_factor -1 (broker defaults, KIP-464)
            "00000000" + // assignments[0]
            "00000001 000c 726574656e74696f6e2e6d73 0004 31303030" + // configs[1]: "retention.ms" = "1000"
            "00001388 00"); // timeout_ms 5000, validate_only false

    [Fact]
    public void Response_V2_MatchesHandEncoding() =>
        CodecAssert.EncodesTo(
            new CreateTopicsResponse([new("t", ErrorCode.TopicAlreadyExists, "x")]),
            2,
            "00000000" + // throttle_time_ms
            "00000001 0001 74 0024 0001 78"); // topics[1]: "t", error 36, error_message "x"
}
