namespace LagLab.Scenarios;

/// <summary><c>topic:</c> the topic the producer writes and the fleet consumes.</summary>
public sealed record TopicSpec
{
    public const string DefaultName = "reconciliation-events";

    public string Name { get; init; } = DefaultName;

    public int Partitions { get; init; } = 3;

    /// <summary>Broker retention by time (wall time); null keeps the broker's default.</summary>
    public TimeSpan? Retention { get; init; }
}
