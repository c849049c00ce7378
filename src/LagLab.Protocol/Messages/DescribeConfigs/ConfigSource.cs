namespace LagLab.Protocol.Messages.DescribeConfigs;

/// <summary>Where a config value comes from (DescribeConfigs v1+, int8 on the wire).</summary>
public enum ConfigSource : sbyte
{
    /// <summary>The spec's placeholder when the version has no config_source (v0).</summary>
    NotSent = -1,
    Unknown = 0,
    TopicConfig = 1,
    DynamicBrokerConfig = 2,
    DynamicDefaultBrokerConfig = 3,
    StaticBrokerConfig = 4,
    DefaultConfig = 5,
    DynamicBrokerLoggerConfig = 6,
}
