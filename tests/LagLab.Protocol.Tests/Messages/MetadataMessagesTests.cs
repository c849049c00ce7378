using LagLab.Protocol.Messages.Metadata;
using static LagLab.Protocol.Tests.Versioned;

namespace LagLab.Protocol.Tests.Messages;

public sealed class MetadataMessagesTests
{
    public static TheoryData<short> Versions => CodecAssert.Versions(ApiKey.Metadata);

    private static MetadataRequest Request(short? v, IReadOnlyList<string>? topics) => new(
        topics,
        AllowAutoTopicCreation: Since(v, 4, false, true),
        IncludeClusterAuthorizedOperations: Since(v, 8, true, false),
        IncludeTopicAuthorizedOperations: Since(v, 8, true, false));

    private static MetadataResponse Response(short? v) => new(
        [new(1, "localhost", 9092, Since<string?>(v, 1, "rack-a", null)), new(2, "other", 9093)],
        [
            new(ErrorCode.None, "orders",
            [
                new(ErrorCode.None, 0, LeaderId: 1, [1], [1], Since(v, 7, 0, -1), Since<int[]>(v, 5, [2], [])),
                new(ErrorCode.LeaderNotAvailable, 1, LeaderId: -1, [], []),
            ],
            IsInternal: false,
            TopicAuthorizedOperations: Since(v, 8, 1 << 3 | 1 << 4, MetadataResponse.AuthorizedOperationsOmitted)),
            new(ErrorCode.None, "__consumer_offsets", [], IsInternal: Since(v, 1, true, false)),
            new(ErrorCode.UnknownTopicOrPartition, "missing", []),
        ],
        ThrottleTimeMs: Since(v, 3, 4, 0),
        ClusterId: Since<string?>(v, 2, "AAAAAAAAAAAAAAAAAAAAAA", null),
        ControllerId: Since(v, 1, 1, -1),
        ClusterAuthorizedOperations: Since(v, 8, 1 << 8, MetadataResponse.AuthorizedOperationsOmitted));

    [Fact]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.Metadata, v => Request(v, ["orders", "results"]));

    [Theory]
    [MemberData(nameof(Versions))]
    public void Request_AllTopics_RoundTripsAsNull(short version)
    {
        var decoded = CodecAssert.RoundTrip(Request(null, null), version);

        Assert.True(decoded.AllTopics);
        Assert.Null(decoded.Topics);
    }

    [Fact]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.Metadata, Response);

    [Fact]
    public void Request_V1_MatchesHandEncoding() =>
        CodecAssert.EncodesTo(new MetadataRequest(["t"]), 1, "00000001 0001 74"); // topics[1], name "t"

    [Fact]
    public void Request_V0_EmptyArrayMeansAllTopics()
    {
        Assert.Equal("00000000", Convert.ToHexString(CodecAssert.Encode(new MetadataRequest(null), 0)));
        Assert.True(CodecAssert.Decode<MetadataRequest>(Convert.FromHexString("00000000"), 0).AllTopics);
    }

    [Fact]
    public void Request_V1_EmptyArrayMeansNoTopics_NullMeansAll()
    {
        var none = CodecAssert.Decode<MetadataRequest>(Convert.FromHexString("00000000"), 1);
        var all = CodecAssert.Decode<MetadataRequest>(Convert.FromHexString("FFFFFFFF"), 1);

        Assert.False(none.AllTopics);
        Assert.Empty(none.Topics!);
        Assert.True(all.AllTopics);
    }

    [Fact]
    public void Request_V8_MatchesHandEncoding() =>
        CodecAssert.EncodesTo(
            new MetadataRequest(null, AllowAutoTopicCreation: true, IncludeClusterAuthorizedOperations: false, IncludeTopicAuthorizedOperations: true),
            8,
            "ffffffff 01 00 01"); // topics null (all), allow_auto_topic_creation, include_cluster_ops, include_topic_ops

    [Fact]
    public void Response_V1_MatchesHandEncoding() =>
        CodecAssert.EncodesTo(
            new MetadataResponse(
                [new(1, "h", 9092)],
                [new(ErrorCode.None, "t", [new(ErrorCode.None, 0, 1, [1], [1])])],
                ControllerId: 1),
            1,
            "00000001 00000001 0001 68 00002384 ffff" + // brokers[1]: node 1, host "h", port 9092, rack null
            "00000001" + // controller_id 1
            "00000001 0000 0001 74 00" + // topics[1]: error 0, name "t", is_internal false
            "00000001 0000 00000000 00000001" + // partitions[1]: error 0, index 0, leader 1
            "00000001 00000001 00000001 00000001"); // replicas [1], isr [1]
}
