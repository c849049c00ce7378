using LagLab.Monitor.Exposition;

namespace LagLab.Monitor.Alerting;

/// <summary>The engine's mutable record of one alert (one rule × one label set).</summary>
internal sealed class ActiveAlert(AlertRule rule, LabelSet labels, DateTimeOffset activeAt)
{
    public AlertRule Rule { get; } = rule;

    public LabelSet Labels { get; } = labels;

    public IReadOnlyDictionary<string, string> Annotations { get; set; } = new Dictionary<string, string>();

    public double Value { get; set; }

    public DateTimeOffset ActiveAt { get; } = activeAt;

    public DateTimeOffset? FiredAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset? LastSentAt { get; set; }

    public bool ResolvedSent { get; set; }

    public AlertState State => ResolvedAt is not null ? AlertState.Resolved : FiredAt is not null ? AlertState.Firing : AlertState.Pending;

    public AlertView ToView() => new(
        Rule.Name,
        State,
        Labels.Pairs.ToDictionary(p => p.Key, p => p.Value),
        Annotations,
        Value,
        ActiveAt,
        FiredAt,
        ResolvedAt);
}
