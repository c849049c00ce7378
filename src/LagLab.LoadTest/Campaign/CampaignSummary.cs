using System.Globalization;
using System.Text;

namespace LagLab.LoadTest.Campaign;

/// <summary>summary.md: the campaign in a page a person reads first; campaign.json has everything.</summary>
internal static class CampaignSummary
{
    public static string Render(CampaignReport report)
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line($"# Campaign: seed {I(report.Seed)}, {I(report.Runs.Count)} of {I(report.Count)} scenarios");
        Line();
        Line($"laglab {report.Version}, started {report.StartedAt:yyyy-MM-dd HH:mm} UTC; forecast: {report.Calibration}.");
        Line();
        Line($"**{I(report.Passed)} PASS, {I(report.Failed)} FAIL, {I(report.Incomplete)} INCOMPLETE** (pass rate {F(report.PassRate * 100)}%).");
        Line();
        Line("| invariant | pass | fail | not measured |");
        Line("|---|---|---|---|");
        foreach (var (name, counts) in report.InvariantCounts)
        {
            Line($"| {name} | {I(counts[0])} | {I(counts[1])} | {I(counts[2])} |");
        }
        Line();
        var e = report.ForecastError;
        var large = report.ForecastErrorLargeLag;
        var small = report.ForecastErrorSmallLagEvents;
        Line($"Forecast of max lag, |error|: median {F(e.Median)}%, p90 {F(e.P90)}%, worst {F(e.Worst)}% over {I(e.Count)} runs; " +
            $"max lag ≥ 1,500 ({I(large.Count)} runs): median {F(large.Median)}%, p90 {F(large.P90)}%, worst {F(large.Worst)}%; " +
            $"max lag < 1,500 ({I(small.Count)} runs): median {F(small.Median)}, p90 {F(small.P90)}, worst {F(small.Worst)} events.");
        var m = report.MeasuredMechanismsError;
        Line($"For reference, the forecast from each run's measured mechanisms (results.json): median {F(m.Median)}%, p90 {F(m.P90)}%, worst {F(m.Worst)}%.");
        Line();
        Line("| # | seed | verdict | exit | wall s | forecast / measured max lag | scenario | failed or not measured |");
        Line("|---|---|---|---|---|---|---|---|");
        foreach (var run in report.Runs)
        {
            var problems = string.Join("; ", run.Invariants.Where(i => i.Status != InvariantStatus.Pass).Select(i => $"{i.Name} ({(i.Status == InvariantStatus.Fail ? "fail" : "not measured")}): {i.Detail}"));
            Line($"| {I(run.Index)} | {I(run.Seed)} | {run.Verdict} | {I(run.ExitCode)} | {F(run.WallSeconds)} | {F(run.ForecastMaxLag ?? double.NaN)} / {F(run.MeasuredMaxLag ?? double.NaN)} | {run.Description.Replace("|", "/", StringComparison.Ordinal)} | {problems.Replace("|", "/", StringComparison.Ordinal)} |");
        }
        var failing = report.Runs.Where(r => r.Verdict != "PASS").ToList();
        if (failing.Count > 0)
        {
            Line();
            Line("## Reproduce");
            Line();
            foreach (var run in failing)
            {
                Line($"- seed {I(run.Seed)} ({run.Verdict}): `{run.Reproduce}` or `{run.ReproduceLoadTest}`");
            }
        }
        return md.ToString();
    }

    private static string I(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value) => double.IsNaN(value) ? "-" : value.ToString("0.#", CultureInfo.InvariantCulture);
}
