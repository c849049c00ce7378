using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Results;
using ScottPlot;

namespace LagLab.LoadTest.Reporting;

/// <summary>The comparison's own charts: both runs on one set of axes.</summary>
internal static class CompareCharts
{
    public static readonly string[] Names = ["compare-lag", "compare-time-lag", "compare-applied", "compare-delay"];

    public static IReadOnlyList<(string Name, string Title, string Caption, string Svg)> All(RunResults a, RunResults b) =>
    [
        ("compare-lag", "Group lag", "Total lag of each run's group (events); amber line: the warning threshold (per partition).", Series(a, b, "compare-lag", "lag (events)", r => r.Samples.Select(s => (s.T, (double)s.TotalLag)))),
        ("compare-time-lag", "Time lag", "Age of the oldest unconsumed event (seconds).", Series(a, b, "compare-time-lag", "time lag (s)", r => r.Samples.Select(s => (s.T, s.MaxTimeLag)))),
        ("compare-applied", "Applied by the bank", "Events applied per second (5 s windows) beside each run's inflow.", Applied(a, b)),
        ("compare-delay", "p99 end-to-end delay", "p99 of produced → applied per window (seconds).", Series(a, b, "compare-delay", "p99 delay (s)", r => r.Delays.Select(d => (d.T, d.P99)))),
    ];

    private static string Series(RunResults a, RunResults b, string id, string yLabel, Func<RunResults, IEnumerable<(double T, double Y)>> select)
    {
        var plot = new Plot();
        plot.XLabel(a.Setup.TimeScale > 1 ? $"seconds of the run (1 day = {a.Setup.DayWallSeconds:0} s)" : "seconds of the run");
        plot.YLabel(yLabel);
        plot.Axes.Margins(bottom: 0);
        Add(plot, select(a).ToList(), Palette.RunA, a.Scenario);
        Add(plot, select(b).ToList(), Palette.RunB, b.Scenario);
        if (id == "compare-lag")
        {
            var warning = plot.Add.HorizontalLine(a.Setup.WarningThreshold, 1, Palette.Warning);
            warning.LegendText = $"warning ({a.Setup.WarningThreshold:N0}, per partition)";
        }
        return Finish(plot, id);
    }

    private static string Applied(RunResults a, RunResults b)
    {
        var plot = new Plot();
        plot.XLabel("seconds of the run");
        plot.YLabel("events per second");
        plot.Axes.Margins(bottom: 0);
        Add(plot, RunAnalysis.RateSeries(a.Rates, r => r.Applied, 5), Palette.RunA, $"{a.Scenario} applied");
        Add(plot, RunAnalysis.RateSeries(b.Rates, r => r.Applied, 5), Palette.RunB, $"{b.Scenario} applied");
        Add(plot, RunAnalysis.RateSeries(a.Rates, r => r.Produced, 5), Palette.Produced, $"{a.Scenario} inflow");
        var limit = plot.Add.HorizontalLine(a.Setup.BankRateLimit, 1.5f, Palette.Limit);
        limit.LegendText = $"bank limit ({a.Setup.BankRateLimit:0.#}/s)";
        return Finish(plot, "compare-applied");
    }

    private static string Finish(Plot plot, string id)
    {
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, Math.Max(plot.Axes.GetLimits().Top, 1));
        plot.ShowLegend(Alignment.UpperLeft);
        return SvgChart.Render(plot, id);
    }

    private static void Add(Plot plot, IReadOnlyList<(double T, double Y)> points, Color color, string legend)
    {
        if (points.Count == 0)
        {
            return;
        }
        var scatter = plot.Add.Scatter(points.Select(p => p.T).ToArray(), points.Select(p => p.Y).ToArray(), color);
        scatter.MarkerSize = 0;
        scatter.LineWidth = 2;
        scatter.LegendText = legend;
    }
}
