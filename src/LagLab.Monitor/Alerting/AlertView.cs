namespace LagLab.Monitor.Alerting;

/// <summary>An alert as <c>/api/alerts</c> shows it.</summary>
public sealed record AlertView(
    string Name,
    AlertState State,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    double Value,
    DateTimeOffset ActiveAt,
    DateTimeOffset? FiredAt,
    DateTimeOffset? ResolvedAt);
