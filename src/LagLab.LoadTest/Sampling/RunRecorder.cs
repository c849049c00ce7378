using LagLab.LoadTest.Live;
using LagLab.LoadTest.Parts;
using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Sampling;

/// <summary>
/// Collects everything the samplers and the timeline report during a run (thread-safe), and gives the live view
/// its snapshots. The analysis reads it once the run is over.
/// </summary>
internal sealed class RunRecorder(string title, double totalSeconds, double bankLimit)
{
    private const int FeedLength = 8;
    private readonly Lock _lock = new();
    private readonly List<LagSample> _samples = [];
    private readonly List<RateSample> _rates = [];
    private readonly List<(double AppliedAt, double Delay)> _delays = [];
    private readonly List<ResourceSample> _resources = [];
    private readonly List<ActionRecord> _actions = [];
    private readonly Dictionary<string, AlertRecord> _alerts = new(StringComparer.Ordinal);
    private readonly List<TimelineEvent> _events = [];
    private readonly List<string> _notes = [];
    private readonly List<UnexpectedExit> _exits = [];
    private string _phase = "starting";
    private double _elapsed;

    public string Title { get; } = title;

    public double TotalSeconds { get; } = totalSeconds;

    public event Action<TimelineEvent>? EventRecorded;

    public IReadOnlyList<LagSample> Samples => Copy(_samples);

    /// <summary>When the bank applied each event, per partition.</summary>
    public AppliedTimes Applied { get; } = new();

    public IReadOnlyList<RateSample> Rates => Copy(_rates);

    public IReadOnlyList<(double AppliedAt, double Delay)> Delays => Copy(_delays);

    public IReadOnlyList<ResourceSample> Resources => Copy(_resources);

    public IReadOnlyList<AlertRecord> MonitorAlerts
    {
        get
        {
            lock (_lock)
            {
                return [.. _alerts.Values.OrderBy(a => a.ActiveAt)];
            }
        }
    }

    public IReadOnlyList<string> Notes => Copy(_notes);

    public IReadOnlyList<UnexpectedExit> UnexpectedExits => Copy(_exits);

    /// <summary>A part exited unasked: kept for the verdict and shown at once in the live view.</summary>
    public void AddUnexpectedExit(UnexpectedExit exit)
    {
        lock (_lock)
        {
            _exits.Add(exit);
        }
        Event(exit.T, "exit", $"UNEXPECTED EXIT {exit.Describe()}: {exit.Then}");
    }

    public void SetPhase(string phase, double elapsed)
    {
        lock (_lock)
        {
            _phase = phase;
            _elapsed = elapsed;
        }
    }

    public void Tick(double elapsed)
    {
        lock (_lock)
        {
            _elapsed = elapsed;
        }
    }

    public void AddSample(LagSample sample)
    {
        LagSample? previous;
        lock (_lock)
        {
            previous = _samples.Count > 0 ? _samples[^1] : null;
            _samples.Add(sample);
        }
        if (previous is not null && previous.State != sample.State && sample.State is not "Unknown")
        {
            Event(sample.T, "group", $"group {previous.State} → {sample.State} ({sample.Members} members)");
        }
    }

    public void AddRate(RateSample sample)
    {
        lock (_lock)
        {
            _rates.Add(sample);
        }
    }

    public void AddDelay(double appliedAt, double delay)
    {
        lock (_lock)
        {
            _delays.Add((appliedAt, delay));
        }
    }

    public void AddResource(ResourceSample sample)
    {
        lock (_lock)
        {
            _resources.Add(sample);
        }
    }

    public void ActionStarted(ActionRecord action) => Event(action.T, "action", $"{action.Type}: {action.Detail}");

    public void ActionFinished(ActionRecord action)
    {
        lock (_lock)
        {
            _actions.Add(action);
        }
        Event(action.End, "action", action.Error is null
            ? $"{action.Type} done in {action.End - action.T:0.0}s"
            : $"{action.Type} failed: {action.Error}");
    }

    /// <summary>Merges one poll of the monitor's /api/alerts, recording transitions.</summary>
    public void ObserveAlerts(double t, DateTimeOffset startedAt, IReadOnlyList<MonitorAlert> alerts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alert in alerts)
        {
            var key = alert.Key;
            seen.Add(key);
            var subject = alert.Labels.TryGetValue("partition", out var p) ? $"partition {p}" : string.Join(",", alert.Labels.Where(l => l.Key is not ("alertname" or "severity")).Select(l => $"{l.Key}={l.Value}"));
            double? Rel(DateTimeOffset? at) => at is { } v ? Math.Max(0, (v - startedAt).TotalSeconds) : null;
            AlertRecord? before;
            AlertRecord now;
            lock (_lock)
            {
                _alerts.TryGetValue(key, out before);
                var activeAt = before?.ActiveAt ?? Rel(alert.ActiveAt) ?? t;
                var firedAt = before?.FiredAt ?? (alert.State is "firing" or "resolved" ? Rel(alert.FiredAt) ?? t : null);
                var resolvedAt = alert.State == "resolved" ? before?.ResolvedAt ?? Rel(alert.ResolvedAt) ?? t : (double?)null;
                now = new AlertRecord(alert.Name, alert.Severity, subject, activeAt, firedAt, resolvedAt, "monitor");
                _alerts[key] = now;
            }
            if (before is null)
            {
                Event(t, "alert", $"{alert.Name} {alert.State} ({subject})");
            }
            else if (before.FiredAt is null && now.FiredAt is not null)
            {
                Event(t, "alert", $"{alert.Name} FIRING ({subject})");
            }
            else if (before.ResolvedAt is null && now.ResolvedAt is not null)
            {
                Event(t, "alert", $"{alert.Name} resolved ({subject})");
            }
        }
        // An alert that vanished from the API resolved (or, if it never fired, was only pending).
        lock (_lock)
        {
            foreach (var key in _alerts.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                var alert = _alerts[key];
                if (alert.ResolvedAt is null)
                {
                    _alerts[key] = alert with { ResolvedAt = t };
                }
            }
            // Pending alerts that never fired leave no trace, as in Prometheus.
            foreach (var key in _alerts.Where(a => a.Value.FiredAt is null && a.Value.ResolvedAt is not null).Select(a => a.Key).ToList())
            {
                _alerts.Remove(key);
            }
        }
    }

    public void Note(double t, string note)
    {
        lock (_lock)
        {
            _notes.Add(note);
        }
        Event(t, "note", note);
    }

    public void Event(double t, string kind, string text)
    {
        var item = new TimelineEvent(t, kind, text);
        lock (_lock)
        {
            _events.Add(item);
        }
        EventRecorded?.Invoke(item);
    }

    public LiveSnapshot Snapshot()
    {
        lock (_lock)
        {
            var last = _samples.Count > 0 ? _samples[^1] : null;
            var (produced, applied) = RecentRates(5);
            var firing = _alerts.Values.Where(a => a.FiredAt is not null && a.ResolvedAt is null)
                .Select(a => $"{a.Severity} {a.Subject}").Distinct().ToList();
            var lastRate = _rates.Count > 0 ? _rates[^1] : null;
            return new LiveSnapshot(Title, _phase, _elapsed, TotalSeconds, last?.Lag ?? [], last?.MaxTimeLag ?? 0, produced, applied, bankLimit,
                lastRate?.Produced ?? 0, lastRate?.Applied ?? 0, last?.State ?? "-", last?.Members ?? 0, firing,
                [.. _events.Skip(Math.Max(0, _events.Count - FeedLength))], [.. _exits.Select(e => e.Describe())]);
        }
    }

    /// <summary>Produced and applied per second over the last <paramref name="seconds"/> (caller holds the lock).</summary>
    private (double Produced, double Applied) RecentRates(double seconds)
    {
        if (_rates.Count < 2)
        {
            return (0, 0);
        }
        var last = _rates[^1];
        var first = _rates.LastOrDefault(r => r.T <= last.T - seconds) ?? _rates[0];
        var span = last.T - first.T;
        return span <= 0 ? (0, 0) : ((last.Produced - first.Produced) / span, (last.Applied - first.Applied) / span);
    }

    private List<T> Copy<T>(List<T> list)
    {
        lock (_lock)
        {
            return [.. list];
        }
    }
}
