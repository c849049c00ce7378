using LagLab.Monitor.Analysis;
using LagLab.Monitor.Exposition;

namespace LagLab.Monitor;

/// <summary>
/// What the HTTP side serves, replaced whole at the end of every cycle: the view, the monitor's health
/// and the /metrics text rendered once per cycle (so scrapes never wait for, or trigger, collection).
/// </summary>
internal sealed class MonitorState(TimeSpan historyWindow)
{
    private volatile Published _current = new(MonitorView.Empty, MonitorHealth.Initial, PrometheusTextWriter.WriteUtf8(MetricsBuilder.Build(MonitorView.Empty, MonitorHealth.Initial)));

    private readonly LabelCache _labels = new();

    public LagHistory History { get; } = new(historyWindow);

    public MonitorView View => _current.View;

    public MonitorHealth Health => _current.Health;

    /// <summary>The /metrics body of the latest cycle, UTF-8.</summary>
    public ReadOnlyMemory<byte> Metrics => _current.Metrics;

    public string MetricsText => System.Text.Encoding.UTF8.GetString(_current.Metrics.Span);

    /// <summary>Publishes a cycle's result and returns the samples the alert engine evaluates.</summary>
    public SampleSet Publish(MonitorView view, MonitorHealth health)
    {
        var families = MetricsBuilder.Build(view, health, _labels);
        if (health.Up)
        {
            History.Add(view);
        }
        _current = new Published(view, health, PrometheusTextWriter.WriteUtf8(families, _current.Metrics.Length));
        return SampleSet.From(families);
    }

    private sealed record Published(MonitorView View, MonitorHealth Health, ReadOnlyMemory<byte> Metrics);
}
