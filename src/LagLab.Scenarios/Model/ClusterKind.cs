namespace LagLab.Scenarios;

public enum ClusterKind
{
    /// <summary>The harness starts LagLab's embedded broker.</summary>
    Embedded,

    /// <summary>An existing cluster reached through bootstrap servers and librdkafka settings.</summary>
    External,
}
