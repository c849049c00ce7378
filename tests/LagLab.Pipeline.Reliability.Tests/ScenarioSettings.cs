namespace LagLab.Pipeline.Reliability.Tests;

/// <summary>The reliability run: its sizes, and when each fault strikes (seconds after the producer starts).</summary>
internal sealed record ScenarioSettings
{
    public required string Buffer { get; init; }

    public int Events { get; init; } = 20_000;

    public double ProduceRate { get; init; } = 300;

    public double BankRate { get; init; } = 200;

    public int Accounts { get; init; } = 500;

    public int InitialPartitions { get; init; } = 3;

    public int FinalPartitions { get; init; } = 12;

    public TimeSpan FirstKillAt { get; init; } = TimeSpan.FromSeconds(8);

    public TimeSpan RollingRestartAt { get; init; } = TimeSpan.FromSeconds(16);

    public TimeSpan OutageAt { get; init; } = TimeSpan.FromSeconds(34);

    public TimeSpan OutageDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>During the outage, so with a durable buffer the spool holds events when the process dies.</summary>
    public TimeSpan SecondKillAt { get; init; } = TimeSpan.FromSeconds(50);

    /// <summary>Restart after a kill: within the session timeout, so a static member gets its partitions back.</summary>
    public TimeSpan RestartAfter { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan GrowAt { get; init; } = TimeSpan.FromSeconds(72);

    /// <summary>The run fails when the ledger has not reached the event count by then.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(200);
}
