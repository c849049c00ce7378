using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Results;
using ScottPlot;

namespace LagLab.LoadTest.Reporting;

/// <summary>The charts of one run, as inline SVG keyed by a stable name (the report and its test rely on the names).</summary>
internal static class RunCharts
{
    public static readonly string[] Names = ["lag", "time-lag", "rates", "delay", "alerts", "cpu", "memory", "errors", "forecast"];

    public static IReadOnlyList<(string Name, string Title, string Caption, string Svg)> All(RunResults run, string prefix) =>
    [
        ("lag", "Lag per partition and total", "Offset lag of the group (events). Purple lines: timeline actions; orange bands: rebalances; amber and red lines: the alert thresholds (per partition).", Lag(run, prefix + "lag")),
        ("time-lag", "Time lag", "Age of the oldest unconsumed event per partition (seconds of wall time).", TimeLag(run, prefix + "time-lag")),
        ("rates", "Produced vs applied vs the bank's limit", "Events per second over 5 s windows: what the producer sent, what the bank applied, and the bank's rate limit.", Rates(run, prefix + "rates")),
        ("delay", "End-to-end delay percentiles", $"Produced → applied at the bank, per {RunAnalysis.DelayWindowSeconds:0} s window of applied events (seconds).", Delay(run, prefix + "delay")),
        ("alerts", "Alert timeline", "Each alert from pending (thin) to firing (thick) to resolved; monitor alerts and the harness's cross-check.", Alerts(run, prefix + "alerts")),
        ("cpu", "Pipeline CPU", "CPU of each pipeline instance, percent of one core.", Resources(run, prefix + "cpu", r => r.CpuPercent, "CPU (% of a core)")),
        ("memory", "Pipeline memory", "Resident memory of each pipeline instance (MB).", Resources(run, prefix + "memory", r => r.RssMegabytes, "RSS (MB)")),
        ("errors", "Error rates", "Bank answers other than success, per second: 429 (rate limited), 5xx errors, timeouts, 503 (outage).", Errors(run, prefix + "errors")),
        ("forecast", "Forecast beside the measurement", "Group lag forecast by the capacity model from the scenario alone and from the mechanisms the run measured, and the lag measured.", Forecast(run, prefix + "forecast")),
    ];

    private static Plot NewPlot(string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    private static string TimeAxis(RunResults run) =>
        run.Setup.TimeScale > 1 ? $"seconds of the run (1 scenario day = {run.Setup.DayWallSeconds:0} s)" : "seconds of the run";

    private static void Line(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys, Color color, string legend, float width = 1.5f)
    {
        if (xs.Count == 0)
        {
            return;
        }
        var scatter = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), color);
        scatter.MarkerSize = 0;
        scatter.LineWidth = width;
        scatter.LegendText = legend;
    }

    private static void Markers(Plot plot, RunResults run)
    {
        foreach (var rebalance in run.Rebalances)
        {
            var span = plot.Add.VerticalSpan(rebalance.T, rebalance.T + Math.Max(rebalance.Length, 0.5));
            span.FillStyle.Color = Palette.Rebalance;
            span.LineStyle.Width = 0;
        }
        foreach (var action in run.Actions)
        {
            var line = plot.Add.VerticalLine(action.T, 1, Palette.Action);
        }
    }

    /// <summary>A chart with nothing to draw says why, on a blank frame.</summary>
    private static string Empty(string id, string text)
    {
        var plot = new Plot();
        var label = plot.Add.Text(text, 0, 0);
        label.LabelFontSize = 14;
        label.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(-1, 1, -1, 1);
        plot.Axes.Frameless();
        plot.HideGrid();
        return SvgChart.Render(plot, id, SvgChart.Width, 160);
    }

    /// <summary>Rates, lags and delays start at zero: a y axis from 40 to 60 makes a flat line look like a cliff.</summary>
    private static string Finish(Plot plot, string id, int height = SvgChart.Height)
    {
        plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        plot.Axes.SetLimitsY(0, Math.Max(limits.Top, 1));
        plot.ShowLegend(Alignment.UpperLeft);
        return SvgChart.Render(plot, id, SvgChart.Width, height);
    }

    private static string Lag(RunResults run, string id)
    {
        var plot = NewPlot(TimeAxis(run), "lag (events)");
        var samples = run.Samples;
        var xs = samples.Select(s => s.T).ToList();
        var partitions = samples.Count == 0 ? 0 : samples.Max(s => s.Lag.Length);
        for (var p = 0; p < partitions; p++)
        {
            var index = p;
            Line(plot, xs, samples.Select(s => index < s.Lag.Length ? (double)s.Lag[index] : 0).ToList(), Palette.Of(p), partitions <= 12 ? $"p{p}" : "", 1);
        }
        Line(plot, xs, samples.Select(s => (double)s.TotalLag).ToList(), Palette.Total, "total", 2.5f);
        Markers(plot, run);
        var peak = samples.Count == 0 ? 0 : samples.Max(s => s.TotalLag);
        Threshold(plot, run.Setup.WarningThreshold, Palette.Warning, "warning", peak);
        Threshold(plot, run.Setup.CriticalThreshold, Palette.Critical, "critical", peak);
        if (samples.Count == 0)
        {
            return Empty(id, "no lag samples");
        }
        return Finish(plot, id);
    }

    private static void Threshold(Plot plot, long value, Color color, string label, long peak)
    {
        // A threshold line would flatten a chart whose lag never came near it.
        if (peak < value / 3)
        {
            return;
        }
        var line = plot.Add.HorizontalLine(value, 1, color);
        line.LegendText = $"{label} ({value:N0})";
    }

    private static string TimeLag(RunResults run, string id)
    {
        var plot = NewPlot(TimeAxis(run), "time lag (s)");
        var samples = run.Samples;
        var xs = samples.Select(s => s.T).ToList();
        var partitions = samples.Count == 0 ? 0 : samples.Max(s => s.TimeLag.Length);
        for (var p = 0; p < partitions; p++)
        {
            var index = p;
            Line(plot, xs, samples.Select(s => index < s.TimeLag.Length ? s.TimeLag[index] : 0).ToList(), Palette.Of(p), partitions <= 12 ? $"p{p}" : "", 1);
        }
        Line(plot, xs, samples.Select(s => s.MaxTimeLag).ToList(), Palette.Total, "max", 2.5f);
        Markers(plot, run);
        if (samples.Count == 0)
        {
            return Empty(id, "no lag samples");
        }
        return Finish(plot, id);
    }

    private static string Rates(RunResults run, string id)
    {
        var plot = NewPlot(TimeAxis(run), "events per second");
        var produced = RunAnalysis.RateSeries(run.Rates, r => r.Produced, 5);
        var applied = RunAnalysis.RateSeries(run.Rates, r => r.Applied, 5);
        Line(plot, produced.Select(r => r.T).ToList(), produced.Select(r => r.Rate).ToList(), Palette.Produced, "produced", 2);
        Line(plot, applied.Select(r => r.T).ToList(), applied.Select(r => r.Rate).ToList(), Palette.Applied, "applied by the bank", 2);
        var limit = plot.Add.HorizontalLine(run.Setup.BankRateLimit, 1.5f, Palette.Limit);
        limit.LegendText = $"bank limit ({run.Setup.BankRateLimit:0.#}/s)";
        Markers(plot, run);
        if (produced.Count == 0)
        {
            return Empty(id, "no rate samples");
        }
        return Finish(plot, id);
    }

    private static string Delay(RunResults run, string id)
    {
        var plot = NewPlot(TimeAxis(run), "end-to-end delay (s)");
        var xs = run.Delays.Select(d => d.T).ToList();
        Line(plot, xs, run.Delays.Select(d => d.P50).ToList(), Palette.Applied, "p50", 1.5f);
        Line(plot, xs, run.Delays.Select(d => d.P90).ToList(), Palette.Produced, "p90", 1.5f);
        Line(plot, xs, run.Delays.Select(d => d.P99).ToList(), Palette.Critical, "p99", 2);
        Line(plot, xs, run.Delays.Select(d => d.Max).ToList(), Palette.Total, "max", 1);
        Markers(plot, run);
        if (xs.Count == 0)
        {
            return Empty(id, "no event was applied");
        }
        return Finish(plot, id);
    }

    private static string Alerts(RunResults run, string id)
    {
        var plot = NewPlot(TimeAxis(run), "");
        var end = Math.Max(run.WallSeconds + run.DrainSeconds, 1);
        var rows = run.Alerts.Select(a => (a.Source, a.Name, a.Subject)).Distinct().ToList();
        var ticks = new List<Tick>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ticks.Add(new Tick(i, $"{row.Source}: {Short(row.Name)} {row.Subject}"));
            foreach (var alert in run.Alerts.Where(a => (a.Source, a.Name, a.Subject) == row))
            {
                var color = alert.Severity == "critical" ? Palette.Critical : Palette.Warning;
                var pending = plot.Add.Line(alert.ActiveAt, i, alert.FiredAt ?? alert.ResolvedAt ?? end, i);
                pending.LineWidth = 3;
                pending.LineColor = color.WithAlpha(0.45);
                if (alert.FiredAt is { } fired)
                {
                    var firing = plot.Add.Line(fired, i, alert.ResolvedAt ?? end, i);
                    firing.LineWidth = 10;
                    firing.LineColor = color;
                }
            }
        }
        Markers(plot, run);
        if (rows.Count == 0)
        {
            return Empty(id, "no alert fired");
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.SetLimits(0, end, -0.8, rows.Count - 0.2);
        return SvgChart.Render(plot, id, SvgChart.Width, Math.Max(200, 80 + (rows.Count * 28)));
    }

    private static string Short(string name) => name.Replace("KafkaConsumerLag", "lag ", StringComparison.Ordinal);

    private static string Resources(RunResults run, string id, Func<ResourceSample, double> value, string label)
    {
        var plot = NewPlot(TimeAxis(run), label);
        var instances = run.Resources.Select(r => r.Instance).Distinct().Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < instances.Count; i++)
        {
            var points = run.Resources.Where(r => r.Instance == instances[i]).ToList();
            Line(plot, points.Select(p => p.T).ToList(), points.Select(value).ToList(), Palette.Of(i), instances[i], 1.5f);
        }
        Markers(plot, run);
        if (instances.Count == 0)
        {
            return Empty(id, "no pipeline process measured (external fleet)");
        }
        return Finish(plot, id);
    }

    private static string Errors(RunResults run, string id)
    {
        var plot = NewPlot(TimeAxis(run), "per second");
        (string Name, Func<RateSample, long> Counter, Color Color)[] series =
        [
            ("429 rate limited", r => r.Rejected, Palette.Warning),
            ("5xx errors", r => r.Errors, Palette.Critical),
            ("timeouts", r => r.Timeouts, Palette.Action),
            ("503 unavailable", r => r.Unavailable, Palette.Total),
        ];
        foreach (var (name, counter, color) in series)
        {
            var rates = RunAnalysis.RateSeries(run.Rates, counter, 5);
            Line(plot, rates.Select(r => r.T).ToList(), rates.Select(r => r.Rate).ToList(), color, name, 1.5f);
        }
        Markers(plot, run);
        if (run.Rates.Count == 0)
        {
            return Empty(id, "no rate samples");
        }
        return Finish(plot, id);
    }

    private static string Forecast(RunResults run, string id)
    {
        var plot = NewPlot(TimeAxis(run), "group lag (events)");
        Line(plot, run.Samples.Select(s => s.T).ToList(), run.Samples.Select(s => (double)s.TotalLag).ToList(), Palette.Total, "measured", 2);
        if (run.Forecast is { Times.Count: > 0 } forecast)
        {
            Line(plot, forecast.Times, forecast.Lag, Palette.Forecast, "forecast from the scenario", 2);
            if (run.MeasuredForecast is { Times.Count: > 0 } measured)
            {
                Line(plot, measured.Times, measured.Lag, Palette.MeasuredForecast, "forecast from measured mechanisms", 2);
            }
        }
        else
        {
            var text = plot.Add.Text(run.Forecast?.Error ?? "no forecast", 0, 0);
            text.LabelFontSize = 12;
        }
        Markers(plot, run);
        return Finish(plot, id);
    }
}
