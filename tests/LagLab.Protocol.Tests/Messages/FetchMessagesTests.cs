using System.Runtime.InteropServices;
using LagLab.Protocol.Messages;
using LagLab.Protocol.Messages.Fetch;
using static LagLab.Protocol.Tests.Versioned;

namespace LagLab.Protocol.Tests.Messages;

public sealed class FetchMessagesTests
{
    private static FetchRequest Request(short? v) => new(
        ReplicaId: -1,
        MaxWaitMs: 500,
        MinBytes: 1,
        [
            new("orders",
            [
                new(0, FetchOffset: 10, PartitionMaxBytes: 1_048_576, Since(v, 9, 4, -1), Since(v, 5, 2L, -1L)),
                new(1, FetchOffset: 0, PartitionMaxBytes: 65_536),
            ]),
            new("results", []),
        ],
        MaxBytes: Since(v, 3, 52_428_800, int.MaxValue),
        IsolationLevel: Since(v, 4, IsolationLevel.ReadCommitted, IsolationLevel.ReadUncommitted),
        SessionId: Since(v, 7, 12, 0),
        SessionEpoch: Since(v, 7, 3, -1),
        ForgottenTopics: Since<FetchRequest.ForgottenTopic[]>(v, 7, [new("old", [0, 2])], []),
        RackId: Since(v, 11, "rack-a", ""));

    private static FetchResponse Response(short? v) => new(
        [
            new("orders",
            [
                new(0, ErrorCode.None, HighWatermark: 100, [new byte[] { 1, 2, 3, 4 }],
                    LastStableOffset: Since(v, 4, 99L, -1L),
                    LogStartOffset: Since(v, 5, 5L, -1L),
                    AbortedTransactions: Since<FetchResponse.AbortedTransaction[]?>(v, 4, [new(7, 50)], null),
                    PreferredReadReplica: Since(v, 11, 1, -1)),
                new(1, ErrorCode.OffsetOutOfRange, HighWatermark: 0),
            ]),
        ],
        ThrottleTimeMs: Since(v, 1, 3, 0),
        ErrorCode: Since(v, 7, ErrorCode.FetchSessionIdNotFound, ErrorCode.None),
        SessionId: Since(v, 7, 9, 0));

    [Fact]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.Fetch, Request);

    [Fact]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.Fetch, Response);

    [Fact]
    public void Request_V4_MatchesHandEncoding() =>
        CodecAssert.EncodesTo(
            new FetchRequest(-1, 500, 1, [new("t", [new(0, 10, 1_048_576)])], 52_428_800, IsolationLevel.ReadCommitted),
            4,
            "ffffffff 000001f4 00000001" + // replica_id -1, max_wait_ms 500, min_bytes 1
            "03200000 01" + // max_bytes 50 MiB, isolation_level read_committed
            "00000001 0001 74" + // topics[1], name "t"
            "00000001 00000000" + // partitions[1], index 0
            "000000000000000a 00100000"); // fetch_offset 10, partition_max_bytes 1 MiB

    [Fact]
    public void Request_V11_MatchesHandEncoding() =>
        CodecAssert.EncodesTo(
            new FetchRequest(-1, 500, 1, [new("t", [new(0, 10, 1_048_576, CurrentLeaderEpoch: 0, LogStartOffset: -1)])],
                52_428_800, IsolationLevel.ReadCommitted, SessionId: 0, SessionEpoch: -1, ForgottenTopics: [], RackId: "r"),
            11,
            "ffffffff 000001f4 00000001 03200000 01" + // replica, max_wait, min_bytes, max_bytes, isolation
            "00000000 ffffffff" + // session_id 0, session_epoch -1
            "00000001 0001 74 00000001 00000000" + // topics[1] "t", partitions[1], index 0
            "00000000" + // current_leader_epoch 0
            "000000000000000a ffffffffffffffff 00100000" + // fetch_offset, log_start_offset -1, partition_max_bytes
            "00000000" + // forgotten_topics[0]
            "0001 72"); // rack_id "r"

    [Fact]
    public void Response_V11_WritesRecordChunksAsOneBytesField()
    {
        var response = new FetchResponse(
            [new("t", [new(0, ErrorCode.None, 3, [new byte[] { 0xAA, 0xBB }, new byte[] { 0xCC }], LastStableOffset: 3, LogStartOffset: 0)])]);

        var bytes = CodecAssert.Encode(response, 11);

        Assert.Equal(
            CodecAssert.Hex(
            "00000000 0000 00000000" + // throttle 0, error_code 0, session_id 0
            "00000001 0001 74 00000001" + // responses[1] "t", partitions[1]
            "00000000 0000 0000000000000003" + // index 0, error 0, high_watermark 3
            "0000000000000003 0000000000000000" + // last_stable_offset 3, log_start_offset 0
            "ffffffff ffffffff" + // aborted_transactions null, preferred_read_replica -1
            "00000003 aabbcc"), // records: total length of both chunks, then the chunks
            Convert.ToHexString(bytes));
        var read = CodecAssert.Decode<FetchResponse>(bytes, 11).Responses[0].Partitions[0];
        Assert.Equal([0xAA, 0xBB, 0xCC], Assert.Single(read.Records).ToArray());
    }

    [Fact]
    public void Response_V0_NoRecords_WritesLengthZeroNotNull() =>
        CodecAssert.EncodesTo(
            new FetchResponse([new("t", [new(0, ErrorCode.None, 0)])]),
            0,
            "00000001 0001 74 00000001" + // responses[1] "t", partitions[1]
            "00000000 0000 0000000000000000" + // index, error, high_watermark
            "00000000"); // records: empty, never -1

    [Fact]
    public void Response_NullRecordsOnTheWire_ReadAsNoChunks()
    {
        var partition = CodecAssert.Decode<FetchResponse>(
            Convert.FromHexString("00000001000174" + "00000001" + "00000000" + "0000" + "0000000000000000" + "FFFFFFFF"), 0);

        Assert.Empty(partition.Responses[0].Partitions[0].Records);
    }

    [Fact]
    public void Response_Records_AreOneSliceOfTheFrame()
    {
        var frame = CodecAssert.Encode(Response(null), 11);

        var chunk = Assert.Single(CodecAssert.Decode<FetchResponse>(frame, 11).Responses[0].Partitions[0].Records);

        Assert.True(MemoryMarshal.TryGetArray(chunk, out var segment));
        Assert.Same(frame, segment.Array);
    }
}
