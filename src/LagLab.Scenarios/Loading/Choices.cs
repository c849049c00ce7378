namespace LagLab.Scenarios.Loading;

/// <summary>The spelled-out values of every enumerated field, in one place.</summary>
internal static class Choices
{
    public static readonly Dictionary<string, ClusterKind> Cluster = new(StringComparer.Ordinal)
    {
        ["embedded"] = ClusterKind.Embedded,
        ["external"] = ClusterKind.External,
    };

    public static readonly Dictionary<string, FleetKind> Fleet = new(StringComparer.Ordinal)
    {
        ["local"] = FleetKind.Local,
        ["external"] = FleetKind.External,
    };

    public static readonly Dictionary<string, RestartPolicy> RestartPolicies = new(StringComparer.Ordinal)
    {
        ["never"] = RestartPolicy.Never,
        ["on-failure"] = RestartPolicy.OnFailure,
    };

    public static readonly Dictionary<string, Assignor> Assignors = new(StringComparer.Ordinal)
    {
        ["range"] = Assignor.Range,
        ["roundrobin"] = Assignor.RoundRobin,
        ["cooperative-sticky"] = Assignor.CooperativeSticky,
    };

    public static readonly Dictionary<string, ProcessingMode> Processing = new(StringComparer.Ordinal)
    {
        ["blocking"] = ProcessingMode.Blocking,
        ["concurrent"] = ProcessingMode.Concurrent,
    };

    public static readonly Dictionary<string, BufferMode> Buffers = new(StringComparer.Ordinal)
    {
        ["none"] = BufferMode.None,
        ["memory"] = BufferMode.Memory,
        ["durable"] = BufferMode.Durable,
    };

    public static readonly Dictionary<string, AlertSeverity> Severities = new(StringComparer.Ordinal)
    {
        ["none"] = AlertSeverity.None,
        ["warning"] = AlertSeverity.Warning,
        ["critical"] = AlertSeverity.Critical,
    };
}
