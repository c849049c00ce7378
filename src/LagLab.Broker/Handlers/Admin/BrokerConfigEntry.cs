namespace LagLab.Broker.Handlers.Admin;

/// <summary>One broker config as DescribeConfigs reports it: its value now and its built-in default.</summary>
internal sealed record BrokerConfigEntry(string Name, string? Value, string? DefaultValue);
