using LagLab.Monitor.Analysis;
using LagLab.Monitor.Exposition;

namespace LagLab.Monitor;

/// <summary>
/// What the HTTP side serves, replaced whole at the end of every cycle: the view, the monitor's health
/// and the /metrics text rendered once per cycle (so scrapes never wait for, or trigger, collection).
/// </summary>
internal sealed class MonitorState(TimeSpan historyWindow)
{
    private volatile Published _current = new(MonitorView.Empty, MonitorHealth.Initial, PrometheusTextWriter.Write(MetricsBuilder.Build(MonitorView.Empty, MonitorHealth.Initial)));

    public LagHistory History { get; } = new(historyWindow);

    public MonitorView View => _current.View;

    public MonitorHealth Health => _current.Health;

    public string MetricsText => _current.MetricsText;

    /// <summary>Publishes a cycle's result and returns the samples the alert engine evaluates.</summary>
    public IReadOnlyList<Sample> Publish(MonitorView view, MonitorHealth health)
    {
        var families = MetricsBuilder.Build(view, health);
        if (health.Up)
        {
            History.Add(view);
        }
        _current = new Published(view, health, PrometheusTextWriter.Write(families));
        return MetricsBuilder.Samples(families).ToList();
    }

    private sealed record Published(MonitorView View, MonitorHealth Health, string MetricsText);
}
