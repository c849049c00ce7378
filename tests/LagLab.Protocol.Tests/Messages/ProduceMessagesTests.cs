using System.Runtime.InteropServices;
using LagLab.Protocol.Messages.Produce;
using static LagLab.Protocol.Tests.Versioned;

namespace LagLab.Protocol.Tests.Messages;

public sealed class ProduceMessagesTests
{
    private static readonly byte[] Batch = [0xAA, 0xBB, 0xCC];

    private static ProduceRequest Request(short? v) => new(
        Since<string?>(v, 3, "txn-1", null),
        Acks: -1,
        TimeoutMs: 30_000,
        [
            new("orders", [new(0, Batch), new(1, null)]),
            new("results", [new(7, ReadOnlyMemory<byte>.Empty)]),
        ]);

    private static ProduceResponse Response(short? v) => new(
        [
            new("orders",
            [
                new(0, ErrorCode.None, 42, Since(v, 2, 1_700_000_000_000L, -1L), Since(v, 5, 3L, -1L),
                    Since<ProduceResponse.RecordError[]>(v, 8, [new(2, "bad key"), new(5, null)], []),
                    Since<string?>(v, 8, "batch dropped", null)),
                new(1, ErrorCode.CorruptMessage, -1),
            ]),
        ],
        ThrottleTimeMs: Since(v, 1, 17, 0));

    [Fact]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.Produce, Request);

    [Fact]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.Produce, Response);

    [Fact]
    public void Request_V3_MatchesHandEncoding() =>
        CodecAssert.EncodesTo(
            new ProduceRequest(null, -1, 30_000, [new("t", [new(0, Batch)])]),
            3,
            "ffff" + // transactional_id null
            "ffff" + // acks -1
            "00007530" + // timeout_ms 30000
            "00000001 0001 74" + // topics[1], name "t"
            "00000001 00000000" + // partitions[1], index 0
            "00000003 aabbcc"); // records: 3 bytes

    [Fact]
    public void Response_V8_MatchesHandEncoding_ThrottleLast() =>
        CodecAssert.EncodesTo(
            new ProduceResponse([new("t", [new(0, ErrorCode.None, 5, -1, 0)])], ThrottleTimeMs: 9),
            8,
            "00000001 0001 74" + // responses[1], name "t"
            "00000001 00000000 0000" + // partitions[1], index 0, error 0
            "0000000000000005" + // base_offset
            "ffffffffffffffff" + // log_append_time_ms -1
            "0000000000000000" + // log_start_offset 0
            "00000000 ffff" + // record_errors[0], error_message null
            "00000009"); // throttle_time_ms, last

    [Fact]
    public void Request_Records_AreASliceOfTheFrame()
    {
        var frame = CodecAssert.Encode(Request(null), 8);

        var records = CodecAssert.Decode<ProduceRequest>(frame, 8).Topics[0].Partitions[0].Records!.Value;

        Assert.True(MemoryMarshal.TryGetArray(records, out var segment));
        Assert.Same(frame, segment.Array);
        Assert.Equal(Batch, records.ToArray());
    }
}
