using LagLab.Protocol.Messages.DeleteTopics;
using static LagLab.Protocol.Tests.Versioned;

namespace LagLab.Protocol.Tests.Messages;

public sealed class DeleteTopicsMessagesTests
{
    private static DeleteTopicsRequest Request() => new(["orders", "results"], 30_000);

    private static DeleteTopicsResponse Response(short? v) => new(
        [new("orders", ErrorCode.None), new("missing", ErrorCode.UnknownTopicOrPartition)],
        ThrottleTimeMs: Since(v, 1, 2, 0));

    [Fact]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.DeleteTopics, Request);

    [Fact]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.DeleteTopics, Response);

    [Fact]
    public void Request_V1_MatchesHandEncoding() =>
        CodecAssert.EncodesTo(new DeleteTopicsRequest(["t"], 1_000), 1, "00000001 0001 74 000003e8"); // names ["t"], timeout 1000

    [Fact]
    public void Response_V0_HasNoThrottle_V1_LeadsWithIt()
    {
        var response = new DeleteTopicsResponse([new("t", ErrorCode.None)]);

        CodecAssert.EncodesTo(response, 0, "00000001 0001 74 0000"); // responses[1]: "t", error 0
        CodecAssert.EncodesTo(response, 1, "00000000 00000001 0001 74 0000"); // throttle, then the same
    }
}
