using LagLab.Protocol.Messages.CreatePartitions;

namespace LagLab.Protocol.Tests.Messages;

public sealed class CreatePartitionsMessagesTests
{
    private static CreatePartitionsRequest Request() => new(
        [new("orders", 12), new("placed", 3, [new([1]), new([1, 2])])],
        TimeoutMs: 10_000,
        ValidateOnly: true);

    private static CreatePartitionsResponse Response() => new(
        [new("orders", ErrorCode.None), new("placed", ErrorCode.InvalidPartitions, "Topic already has 4 partitions.")],
        ThrottleTimeMs: 5);

    [Fact]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.CreatePartitions, Request);

    [Fact]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.CreatePartitions, Response);

    [Fact]
    public void Request_V1_MatchesHandEncoding_NullAssignments() =>
        CodecAssert.EncodesTo(
            new CreatePartitionsRequest([new("t", 4)], 1_000),
            1,
            "00000001 0001 74 00000004" + // topics[1]: "t", count 4
            "ffffffff" + // assignments null (automatic)
            "000003e8 00"); // timeout_ms 1000, validate_only false

    [Fact]
    public void Request_V0_MatchesHandEncoding_ManualAssignments() =>
        CodecAssert.EncodesTo(
            new CreatePartitionsRequest([new("t", 2, [new([1])])], 1_000, ValidateOnly: true),
            0,
            "00000001 0001 74 00000002" + // topics[1]: "t", count 2
            "00000001 00000001 00000001" + // assignments[1]: broker_ids [1]
            "000003e8 01"); // timeout_ms 1000, validate_only true

    [Fact]
    public void Response_V1_MatchesHandEncoding() =>
        CodecAssert.EncodesTo(
            new CreatePartitionsResponse([new("t", ErrorCode.InvalidPartitions)]),
            1,
            "00000000" + // throttle_time_ms
            "00000001 0001 74 0025 ffff"); // results[1]: "t", error 37, error_message null
}
