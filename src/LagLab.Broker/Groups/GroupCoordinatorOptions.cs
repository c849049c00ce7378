namespace LagLab.Broker.Groups;

/// <summary>The coordinator's limits, taken from <see cref="BrokerOptions"/> (already validated there).</summary>
internal sealed record GroupCoordinatorOptions(int MinSessionTimeoutMs, int MaxSessionTimeoutMs, int InitialRebalanceDelayMs)
{
    /// <summary>Kafka's GroupCoordinator.NewMemberJoinTimeoutMs: a new member's parked JoinGroup expires after this.</summary>
    public const int NewMemberJoinTimeoutMs = 5 * 60 * 1000;

    /// <summary>Kafka's offset.metadata.max.bytes.</summary>
    public const int OffsetMetadataMaxSize = 4096;

    public static GroupCoordinatorOptions From(BrokerOptions options) =>
        new(options.GroupMinSessionTimeoutMs, options.GroupMaxSessionTimeoutMs, options.GroupInitialRebalanceDelayMs);
}
