using LagLab.Protocol.Messages.DescribeConfigs;
using static LagLab.Protocol.Tests.Versioned;

namespace LagLab.Protocol.Tests.Messages;

public sealed class DescribeConfigsMessagesTests
{
    private static DescribeConfigsRequest Request(short? v) => new(
        [new(ConfigResourceType.Topic, "orders"), new(ConfigResourceType.Broker, "1", ["log.retention.ms", "num.partitions"])],
        IncludeSynonyms: Since(v, 1, true, false));

    private static DescribeConfigsResponse Response(short? v) => new(
        [
            new(ErrorCode.None, null, ConfigResourceType.Topic, "orders",
            [
                new("retention.ms", "3600000", ReadOnly: false, IsSensitive: false,
                    IsDefault: Only(v, 0, true, false),
                    ConfigSource: Since(v, 1, ConfigSource.TopicConfig, ConfigSource.NotSent),
                    Synonyms: Since<DescribeConfigsResponse.Synonym[]>(v, 1,
                        [new("retention.ms", "3600000", ConfigSource.TopicConfig), new("log.retention.ms", null, ConfigSource.DefaultConfig)],
                        [])),
                new("ssl.key.password", null, ReadOnly: true, IsSensitive: true),
            ]),
            new(ErrorCode.UnknownTopicOrPartition, "Unknown topic 'x'.", ConfigResourceType.Topic, "x", []),
        ],
        ThrottleTimeMs: 1);

    [Fact]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.DescribeConfigs, Request);

    [Fact]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion() =>
        RoundTrip.ForEveryVersion(ApiKey.DescribeConfigs, Response);

    [Fact]
    public void Request_V1_MatchesHandEncoding() =>
        CodecAssert.EncodesTo(
            new DescribeConfigsRequest([new(ConfigResourceType.Topic, "t")], IncludeSynonyms: true),
            1,
            "00000001 02 0001 74 ffffffff" + // resources[1]: type topic, name "t", configuration_keys null (all)
            "01"); // include_synonyms

    [Fact]
    public void Request_V0_MatchesHandEncoding() =>
        CodecAssert.EncodesTo(
            new DescribeConfigsRequest([new(ConfigResourceType.Broker, "1", ["a"])]),
            0,
            "00000001 04 0001 31 00000001 0001 61"); // resources[1]: type broker, name "1", keys ["a"]

    [Fact]
    public void Response_V1_MatchesHandEncoding_SourceAndSynonyms() =>
        CodecAssert.EncodesTo(
            new DescribeConfigsResponse(
            [
                new(ErrorCode.None, null, ConfigResourceType.Topic, "t",
                    [new("a", "1", false, false, ConfigSource: ConfigSource.DefaultConfig, Synonyms: [new("a", "1", ConfigSource.DefaultConfig)])]),
            ]),
            1,
            "00000000" + // throttle_time_ms
            "00000001 0000 ffff 02 0001 74" + // results[1]: error 0, message null, type topic, name "t"
            "00000001 0001 61 0001 31 00" + // configs[1]: "a" = "1", read_only false
            "05 00" + // config_source default, is_sensitive false
            "00000001 0001 61 0001 31 05"); // synonyms[1]: "a" = "1", source default

    [Fact]
    public void Response_V0_MatchesHandEncoding_IsDefault() =>
        CodecAssert.EncodesTo(
            new DescribeConfigsResponse([new(ErrorCode.None, null, ConfigResourceType.Topic, "t", [new("a", "1", false, false, IsDefault: true)])]),
            0,
            "00000000 00000001 0000 ffff 02 0001 74" + // throttle, results[1]: error 0, message null, topic "t"
            "00000001 0001 61 0001 31 00" + // configs[1]: "a" = "1", read_only false
            "01 00"); // is_default true, is_sensitive false
}
