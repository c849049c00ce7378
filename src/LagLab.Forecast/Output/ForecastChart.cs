using LagLab.Scenarios;
using ScottPlot;

namespace LagLab.Forecast.Output;

/// <summary>The lag curve over the horizon with the two alert thresholds, as a PNG.</summary>
public static class ForecastChart
{
    public static void SavePng(ForecastResult result, AlertSpec alerts, string path, int width = 1200, int height = 600)
    {
        var plot = new Plot();
        var days = result.Horizon >= TimeSpan.FromDays(2);
        double X(ForecastPoint p) => days ? p.ScenarioTime.TotalDays : p.ScenarioTime.TotalHours;
        var xs = result.Points.Select(X).ToArray();

        var lag = plot.Add.ScatterLine(xs, result.Points.Select(p => p.Lag).ToArray());
        lag.LegendText = "group lag (sum of partitions)";
        lag.LineWidth = 2;
        var partition = plot.Add.ScatterLine(xs, result.Points.Select(p => p.MaxPartitionLag).ToArray());
        partition.LegendText = "highest partition lag (what the alerts watch)";
        partition.LineWidth = 1.5f;
        if (result.MaxSpool > 0)
        {
            var spool = plot.Add.ScatterLine(xs, result.Points.Select(p => p.Spool).ToArray());
            spool.LegendText = "durable spool";
        }
        Threshold(plot, alerts.Warning, $"warning > {alerts.Warning:N0} for {Duration.Format(alerts.For)}", Colors.Orange);
        Threshold(plot, alerts.Critical, $"critical > {alerts.Critical:N0} for {Duration.Format(alerts.For)}", Colors.Red);

        var compressed = result.TimeScale == 1 ? "" : $" (compressed ×{result.TimeScale:0.#}: {Duration.Format(result.WallHorizon)} of wall time)";
        plot.Title($"{result.Scenario}: forecast lag over {Duration.Format(result.Horizon)}{compressed}");
        plot.XLabel(days ? "scenario days" : "scenario hours");
        plot.YLabel("events");
        plot.Axes.SetLimitsX(0, days ? result.Horizon.TotalDays : result.Horizon.TotalHours);
        plot.Axes.SetLimitsY(0, Math.Max(alerts.Critical * 1.15, Math.Max(result.MaxLag, result.MaxSpool) * 1.1));
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, width, height);
    }

    private static void Threshold(Plot plot, long value, string label, Color color)
    {
        var line = plot.Add.HorizontalLine(value);
        line.LegendText = label;
        line.LinePattern = LinePattern.Dashed;
        line.Color = color;
    }
}
