namespace LagLab.Scenarios;

/// <summary><c>slos:</c> what a run must hold to pass. Null means "not judged".</summary>
public sealed record SloSpec
{
    /// <summary>Highest group lag (sum over partitions), in events.</summary>
    public long? MaxLag { get; init; }

    /// <summary>Highest time lag of any partition (wall time).</summary>
    public TimeSpan? MaxTimeLag { get; init; }

    /// <summary>p99 of end-to-end delay, produced to applied (wall time).</summary>
    public TimeSpan? P99EndToEnd { get; init; }

    /// <summary>Highest alert severity allowed to fire.</summary>
    public AlertSeverity? MaxAlert { get; init; }

    public bool ZeroLost { get; init; } = true;

    public bool ZeroDuplicates { get; init; } = true;
}
