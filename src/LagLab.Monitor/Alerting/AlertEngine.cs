using LagLab.Monitor.Alerting.PromQl;
using LagLab.Monitor.Exposition;

namespace LagLab.Monitor.Alerting;

/// <summary>
/// Prometheus' alerting-rule semantics over the monitor's own samples: a series returned by a rule's
/// expression becomes a pending alert, fires once it has been returned for the rule's <c>for</c>, and
/// resolves when it stops being returned (a pending one is simply dropped). Resolved alerts stay
/// <see cref="ResolvedRetention"/> so the notifier can tell the receiver. Thread-safe for readers.
/// </summary>
internal sealed class AlertEngine(RuleFile rules, TimeSpan? forOverride = null)
{
    public static readonly TimeSpan ResolvedRetention = TimeSpan.FromMinutes(15);

    private readonly Dictionary<(AlertRule Rule, LabelSet Labels), ActiveAlert> _alerts = [];
    private readonly Lock _lock = new();

    public RuleFile Rules => rules;

    /// <summary>
    /// Evaluates every rule at <paramref name="now"/>; returns the rules that failed with why (the others
    /// still ran). With <paramref name="holdMissing"/> (a cycle that could not read the cluster), alerts
    /// whose series are missing are held as they are instead of resolving on data nobody could read.
    /// </summary>
    public IReadOnlyList<string> Evaluate(IEnumerable<Sample> samples, DateTimeOffset now, bool holdMissing = false) =>
        Evaluate(SampleSet.From(samples), now, holdMissing);

    /// <inheritdoc cref="Evaluate(IEnumerable{Sample}, DateTimeOffset, bool)"/>
    public IReadOnlyList<string> Evaluate(SampleSet samples, DateTimeOffset now, bool holdMissing = false)
    {
        var errors = new List<string>();
        lock (_lock)
        {
            foreach (var rule in rules.Rules)
            {
                IReadOnlyList<Sample> result;
                try
                {
                    result = Evaluator.Evaluate(rule.Expression, samples);
                }
                catch (PromQlException ex)
                {
                    errors.Add($"rule '{rule.Name}' (line {rule.Line}): {ex.Message}");
                    continue;
                }
                Apply(rule, result, now, holdMissing);
            }
            foreach (var (key, alert) in _alerts.ToList())
            {
                if (alert.ResolvedAt is { } resolved && now - resolved > ResolvedRetention)
                {
                    _alerts.Remove(key);
                }
            }
        }
        return errors;
    }

    public IReadOnlyList<AlertView> Alerts()
    {
        lock (_lock)
        {
            return _alerts.Values
                .OrderBy(a => a.State)
                .ThenBy(a => a.Rule.Name, StringComparer.Ordinal)
                .ThenBy(a => a.Labels.ToString(), StringComparer.Ordinal)
                .Select(a => a.ToView())
                .ToList();
        }
    }

    /// <summary>Runs <paramref name="action"/> on the live alert records under the engine's lock (for the notifier).</summary>
    public T WithAlerts<T>(Func<IEnumerable<ActiveAlert>, T> action)
    {
        lock (_lock)
        {
            return action(_alerts.Values);
        }
    }

    private void Apply(AlertRule rule, IReadOnlyList<Sample> result, DateTimeOffset now, bool holdMissing)
    {
        var forDuration = forOverride is { } shortened && rule.For > TimeSpan.Zero ? shortened : rule.For;
        var present = new HashSet<LabelSet>();
        foreach (var sample in result)
        {
            var seriesLabels = sample.Labels.WithoutName();
            var ruleLabels = rule.Labels.Select(l => new KeyValuePair<string, string>(l.Key, l.Value.Render(seriesLabels, sample.Value)));
            var labels = seriesLabels.With(ruleLabels).With([new("alertname", rule.Name)]);
            if (!present.Add(labels))
            {
                continue; // two series with one label set after relabelling: Prometheus errors; we keep the first
            }
            if (!_alerts.TryGetValue((rule, labels), out var alert) || alert.ResolvedAt is not null)
            {
                alert = new ActiveAlert(rule, labels, now);
                _alerts[(rule, labels)] = alert;
            }
            alert.Value = sample.Value;
            alert.Annotations = rule.Annotations.ToDictionary(a => a.Key, a => a.Value.Render(seriesLabels, sample.Value));
            if (alert.FiredAt is null && now - alert.ActiveAt >= forDuration)
            {
                alert.FiredAt = now;
            }
        }
        foreach (var (key, alert) in _alerts.ToList())
        {
            if (holdMissing || key.Rule != rule || present.Contains(key.Labels) || alert.ResolvedAt is not null)
            {
                continue;
            }
            if (alert.FiredAt is null)
            {
                _alerts.Remove(key);
            }
            else
            {
                alert.ResolvedAt = now;
            }
        }
    }
}
