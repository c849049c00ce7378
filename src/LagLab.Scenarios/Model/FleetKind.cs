namespace LagLab.Scenarios;

public enum FleetKind
{
    /// <summary>Pipeline instances started by the harness as separate processes.</summary>
    Local,

    /// <summary>The pipeline is deployed elsewhere; the harness drives traffic, bank and monitor only.</summary>
    External,
}
