using LagLab.Monitor.Analysis;
using LagLab.Monitor.Exposition;

namespace LagLab.Monitor;

/// <summary>
/// What the HTTP side serves, replaced whole at the end of every cycle: the view, the monitor's health
/// and the metric families (so scrapes never wait for, or trigger, collection).
/// </summary>
internal sealed class MonitorState(TimeSpan historyWindow)
{
    private volatile Published _current = new(MonitorView.Empty, MonitorHealth.Initial, MetricsBuilder.Build(MonitorView.Empty, MonitorHealth.Initial));

    private readonly LabelCache _labels = new();

    public LagHistory History { get; } = new(historyWindow);

    public MonitorView View => _current.View;

    public MonitorHealth Health => _current.Health;

    /// <summary>The metric families of the latest cycle; /metrics renders them at scrape time.</summary>
    public IReadOnlyList<MetricFamily> Metrics => _current.Families;

    public string MetricsText => PrometheusTextWriter.Write(_current.Families);

    /// <summary>Publishes a cycle's result and returns the samples the alert engine evaluates.</summary>
    public SampleSet Publish(MonitorView view, MonitorHealth health)
    {
        var families = MetricsBuilder.Build(view, health, _labels);
        if (health.Up)
        {
            History.Add(view);
        }
        _current = new Published(view, health, families);
        return SampleSet.From(families);
    }

    private sealed record Published(MonitorView View, MonitorHealth Health, IReadOnlyList<MetricFamily> Families);
}
