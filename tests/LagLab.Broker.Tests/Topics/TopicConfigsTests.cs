using LagLab.Broker.Topics;

namespace LagLab.Broker.Tests.Topics;

public sealed class TopicConfigsTests
{
    private static readonly BrokerOptions Options = new() { RetentionMs = 1234, RetentionBytes = -1, SegmentBytes = 4096, MaxMessageBytes = 999 };

    private static (bool Ok, TopicConfig Config, string? Error) Create(params (string Name, string? Value)[] configs)
    {
        var ok = TopicConfigs.TryCreate(Options, configs.Select(c => new KeyValuePair<string, string?>(c.Name, c.Value)), out var config, out var error);
        return (ok, config, error);
    }

    [Fact]
    public void TryCreate_NoOverrides_UsesBrokerDefaults()
    {
        var (ok, config, _) = Create();

        Assert.True(ok);
        Assert.Equal(1234, config.RetentionMs);
        Assert.Equal(-1, config.RetentionBytes);
        Assert.Equal(4096, config.SegmentBytes);
        Assert.Equal(999, config.MaxMessageBytes);
        Assert.Equal(TimestampType.CreateTime, config.TimestampType);
        Assert.Equal("delete", config.CleanupPolicy);
        Assert.Empty(config.Overrides);
    }

    [Fact]
    public void TryCreate_EverySupportedConfig_AppliesAndKeepsOverrides()
    {
        var (ok, config, _) = Create(
            ("retention.ms", "-1"), ("retention.bytes", "1048576"), ("segment.bytes", "14"),
            ("cleanup.policy", "delete"), ("message.timestamp.type", "LogAppendTime"), ("max.message.bytes", "0"));

        Assert.True(ok);
        Assert.Equal(-1, config.RetentionMs);
        Assert.Equal(1_048_576, config.RetentionBytes);
        Assert.Equal(14, config.SegmentBytes);
        Assert.Equal(TimestampType.LogAppendTime, config.TimestampType);
        Assert.Equal(0, config.MaxMessageBytes);
        Assert.Equal(6, config.Overrides.Count);
    }

    [Theory]
    [InlineData("retention.ms", "abc")]
    [InlineData("retention.ms", "-2")]
    [InlineData("retention.bytes", "-2")]
    [InlineData("segment.bytes", "13")]
    [InlineData("segment.bytes", "2147483648")]
    [InlineData("cleanup.policy", "compact")]
    [InlineData("message.timestamp.type", "createtime")]
    [InlineData("max.message.bytes", "-1")]
    [InlineData("min.insync.replicas", "1")]
    [InlineData("retention.ms", null)]
    public void TryCreate_InvalidConfig_FailsNamingTheConfig(string name, string? value)
    {
        var (ok, _, error) = Create((name, value));

        Assert.False(ok);
        Assert.Contains(name, error);
    }
}
