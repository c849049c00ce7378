namespace LagLab.Broker.Topics;

/// <summary>
/// One supported topic config: its name, the broker config it defaults from (reported as a synonym by
/// DescribeConfigs), how to read the broker default, and how to apply a validated value.
/// </summary>
internal sealed record TopicConfigDefinition(
    string Name,
    string BrokerName,
    Func<BrokerOptions, string> Default,
    Func<TopicConfig, string, (TopicConfig? Config, string? Error)> Apply)
{
    /// <summary>The effective value of this config for a topic.</summary>
    public string ValueOf(TopicConfig config, BrokerOptions options) =>
        config.Overrides.TryGetValue(Name, out var value) ? value : Default(options);
}
