namespace LagLab.Scenarios;

/// <summary><c>cluster:</c> where the topic lives.</summary>
public sealed record ClusterSpec
{
    public ClusterKind Kind { get; init; } = ClusterKind.Embedded;

    /// <summary>Comma-separated host:port list; external clusters only.</summary>
    public string? BootstrapServers { get; init; }

    /// <summary>librdkafka settings passed through unchanged (SASL, TLS, ...); external clusters only.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
