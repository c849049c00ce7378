using LagLab.Protocol.Messages.InitProducerId;

namespace LagLab.Protocol.Tests.Messages;

public sealed class InitProducerIdMessagesTests
{
    private static InitProducerIdRequest Request() => new("txn-1", 60_000);

    private static InitProducerIdResponse Response() => new(ErrorCode.None, ProducerId: 1_234_567, ProducerEpoch: 3, ThrottleTimeMs: 2);

    [Fact]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.InitProducerId, Request);

    [Fact]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.InitProducerId, Response);

    [Fact]
    public void Request_V1_MatchesHandEncoding_IdempotentOnly() =>
        CodecAssert.EncodesTo(new InitProducerIdRequest(null, 60_000), 1, "ffff 0000ea60"); // transactional_id null, timeout 60000

    [Fact]
    public void Response_V0_MatchesHandEncoding() =>
        CodecAssert.EncodesTo(
            new InitProducerIdResponse(ErrorCode.None, 7, 0),
            0,
            "00000000 0000 0000000000000007 0000"); // throttle, error 0, producer_id 7, producer_epoch 0
}
