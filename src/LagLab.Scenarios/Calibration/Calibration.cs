namespace LagLab.Scenarios;

/// <summary>
/// The capacity model's mechanism inputs as <c>laglab calibrate</c> measured them on one system (cluster, fleet,
/// machine), with when and how. Scenario files state what is imposed (traffic, topology, budgets); what the system
/// does with it — time per call, the budget it achieves, how long a restart and a rebalance take, what a restart
/// re-sends — is measured here, so the forecast never runs on numbers fitted to a demo. Schema: docs/forecast.md.
/// </summary>
public sealed record Calibration
{
    /// <summary>The schema version this LagLab writes and reads.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required CalibrationProvenance Measured { get; init; }

    public required CalibrationTopology Topology { get; init; }

    public required CalibratedMechanisms Mechanisms { get; init; }

    /// <summary>The file it was read from (empty when built in memory).</summary>
    public string Source { get; init; } = "";
}
