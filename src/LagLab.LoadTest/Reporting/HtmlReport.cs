using System.Globalization;
using System.Text;
using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Results;
using LagLab.Scenarios;
using static LagLab.LoadTest.Reporting.Html;

namespace LagLab.LoadTest.Reporting;

/// <summary>
/// report.html: one self-contained page (inline CSS and SVG, no script, no network) with the verdict, the
/// explanations, every chart, and the tables of actions, pauses, rebalances and alerts.
/// </summary>
internal static class HtmlReport
{
    public static string Render(RunResults run)
    {
        var html = Begin($"LagLab load test: {run.Scenario}");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Load test: {E(run.Scenario)} {Badge(run.Passed)}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(run.Description)}</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Started {run.StartedAt:yyyy-MM-dd HH:mm:ss} UTC · {Secs(run.WallSeconds)} of traffic (scenario {E(run.Setup.Duration)}, time compressed {run.Setup.TimeScale:0.##}×) + {Secs(run.DrainSeconds)} of drain · files: <a href=\"results.json\">results.json</a>, <a href=\"lag.csv\">lag.csv</a>, <a href=\"logs/\">logs/</a></p>\n");
        html.Append("<h2>Verdict</h2>\n");
        VerdictTable(html, run, "verdict");
        ExitsSection.Write(html, run, "");
        html.Append("<h2>What happened</h2>\n<ul class=\"findings\" id=\"findings\">\n");
        foreach (var line in Narrative.Findings(run))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(line)}</li>\n");
        }
        html.Append("</ul>\n");
        RunBody(html, run, "");
        return End(html);
    }

    public static string Render(ComparisonResults comparison)
    {
        var (a, b) = (comparison.A, comparison.B);
        var html = Begin($"LagLab comparison: {a.Scenario} vs {b.Scenario}");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(a.Scenario)} {Badge(a.Passed)} vs {E(b.Scenario)} {Badge(b.Passed)}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Both runs side by side, each with its own embedded broker, bank, monitor and fleet · started {a.StartedAt:yyyy-MM-dd HH:mm:ss} UTC · files: <a href=\"results.json\">results.json</a>, <a href=\"lag.csv\">lag.csv</a></p>\n");
        html.Append("<h2>The difference, explained with the numbers measured</h2>\n<ul class=\"findings\" id=\"explanations\">\n");
        foreach (var line in comparison.Explanations)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(line)}</li>\n");
        }
        html.Append("</ul>\n<h2>Verdicts</h2>\n<div class=\"cols\">\n");
        foreach (var (run, id) in new[] { (a, "verdict-a"), (b, "verdict-b") })
        {
            html.Append(CultureInfo.InvariantCulture, $"<div><h3>{E(run.Scenario)} {Badge(run.Passed)}</h3>\n");
            VerdictTable(html, run, id);
            ExitsSection.Write(html, run, id + "-");
            html.Append("</div>\n");
        }
        html.Append("</div>\n<h2>Side by side</h2>\n");
        foreach (var (name, title, caption, svg) in CompareCharts.All(a, b))
        {
            Figure(html, name, title, caption, svg);
        }
        SetupComparison(html, a, b);
        foreach (var (run, prefix) in new[] { (a, "a-"), (b, "b-") })
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"run-{prefix.TrimEnd('-')}\">{E(run.Scenario)} in detail {Badge(run.Passed)}</h2>\n");
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(run.Description)}</p>\n<ul class=\"findings\">\n");
            foreach (var line in Narrative.Findings(run))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(line)}</li>\n");
            }
            html.Append("</ul>\n");
            RunBody(html, run, prefix);
        }
        return End(html);
    }

    private static void RunBody(StringBuilder html, RunResults run, string prefix)
    {
        Headline(html, run);
        Setup(html, run);
        html.Append("<h3>Charts</h3>\n");
        foreach (var (name, title, caption, svg) in RunCharts.All(run, prefix))
        {
            Figure(html, prefix + name, title, caption, svg);
        }
        ForecastSection(html, run);
        Actions(html, run);
        Pauses(html, run);
        RestartTable.Write(html, run);
        Alerts(html, run);
        if (run.Notes.Count > 0)
        {
            html.Append("<h3>Notes</h3>\n<ul>\n");
            foreach (var note in run.Notes)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(note)}</li>\n");
            }
            html.Append("</ul>\n");
        }
    }

    private static void VerdictTable(StringBuilder html, RunResults run, string id)
    {
        html.Append(CultureInfo.InvariantCulture, $"<table id=\"{id}\"><tr><th>SLO</th><th>target</th><th>measured</th><th>result</th><th></th></tr>\n");
        foreach (var slo in run.Verdict)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(slo.Name)}</td><td>{E(slo.Target)}</td><td class=\"num\">{E(slo.Measured)}</td><td class=\"{(slo.Pass ? "pass" : "fail")}\">{(slo.Pass ? "pass" : "FAIL")}</td><td class=\"muted\">{E(slo.Note)}</td></tr>\n");
        }
        if (run.Verdict.Count == 0)
        {
            html.Append("<tr><td colspan=\"5\" class=\"muted\">The scenario sets no SLO.</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void Headline(StringBuilder html, RunResults run)
    {
        var t = run.Totals;
        html.Append("<h3>Headline numbers</h3>\n<table class=\"headline\">\n");
        Row(html, "events produced (acked)", N(t.Produced));
        Row(html, "applied at the bank", N(t.Applied));
        Row(html, "lost / pending at the end", $"{N(t.Lost)} / {N(t.Pending)}");
        Row(html, "applied twice / re-sent and refused by the ledger / out of order", $"{N(t.DoublyApplied)} / {N(t.Duplicates)} / {N(t.OrderViolations)}");
        Row(html, "max group lag", $"{N(t.MaxLag)} at {Narrative.When(run, t.MaxLagAt)}");
        Row(html, "max partition lag / max time lag", $"{N(t.MaxPartitionLag)} / {Secs(t.MaxTimeLag)}");
        Row(html, "lag when traffic stopped", N(t.EndLag));
        Row(html, "end-to-end delay p50 / p90 / p99 / max", $"{Secs(run.Delay.P50)} / {Secs(run.Delay.P90)} / {Secs(run.Delay.P99)} / {Secs(run.Delay.Max)}");
        Row(html, "produced rate: peak (10 s) / mean", $"{t.PeakProducedRate:0.#}/s / {t.MeanProducedRate:0.#}/s");
        Row(html, "applied rate: mean during traffic", $"{t.MeanAppliedRate:0.#}/s");
        Row(html, "bank answers 429 / 5xx / timeout / 503", $"{N(t.Rejected)} / {N(t.Errors)} / {N(t.Timeouts)} / {N(t.Unavailable)}");
        Row(html, "rebalances / longest whole-group pause / longest partition pause", $"{t.Rebalances} / {Secs(t.LongestGroupPause)} / {Secs(t.LongestPause)}");
        Row(html, "highest alert", $"{t.HighestAlert} (from the {run.AlertSource})");
        Row(html, "pipeline peak CPU / memory", $"{t.PeakCpuPercent:0}% of a core / {t.PeakRssMegabytes:0} MB");
        html.Append("</table>\n");
    }

    private static void Setup(StringBuilder html, RunResults run)
    {
        var s = run.Setup;
        html.Append("<h3>Setup</h3>\n<table class=\"setup\">\n");
        Row(html, "cluster / topic", $"{s.Cluster} / {s.Topic}, {s.Partitions} partitions");
        Row(html, "fleet", $"{s.Fleet}: {s.Instances} instances, {s.Assignor}{(s.StaticMembership ? ", static membership" : "")}, {s.Processing} processing{(s.Processing == "blocking" ? "" : $", concurrency {s.Concurrency}, {s.Buffer} buffer")}");
        Row(html, "bank", $"{s.BankRateLimit:0.#}/s, latency {s.BankLatency}");
        Row(html, "traffic", $"{s.Rate} (peak {s.PeakRate:0.#}/s) for {s.Duration}");
        Row(html, "time scale", s.TimeScale > 1 ? $"{s.TimeScale:0.##}× (a scenario day lasts {Secs(s.DayWallSeconds)}); rates are not scaled" : "real time");
        Row(html, "alert rules", $"lag > {N(s.WarningThreshold)} warning, > {N(s.CriticalThreshold)} critical, for {Secs(s.AlertForWallSeconds)} (wall)");
        html.Append("</table>\n");
    }

    private static void SetupComparison(StringBuilder html, RunResults a, RunResults b)
    {
        html.Append("<h2>Setups</h2>\n<table id=\"setups\"><tr><th></th>");
        html.Append(CultureInfo.InvariantCulture, $"<th>{E(a.Scenario)}</th><th>{E(b.Scenario)}</th></tr>\n");
        void Pair(string label, Func<RunSetup, string> value) =>
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(label)}</th><td>{E(value(a.Setup))}</td><td>{E(value(b.Setup))}</td></tr>\n");
        Pair("partitions", s => s.Partitions.ToString(CultureInfo.InvariantCulture));
        Pair("instances", s => s.Instances.ToString(CultureInfo.InvariantCulture));
        Pair("assignor", s => s.Assignor + (s.StaticMembership ? ", static membership" : ""));
        Pair("processing", s => s.Processing == "blocking" ? "blocking" : $"concurrent ({s.Concurrency} in flight), {s.Buffer} buffer");
        Pair("bank", s => $"{s.BankRateLimit:0.#}/s, {s.BankLatency}");
        Pair("traffic", s => $"{s.Rate} for {s.Duration}");
        Pair("time scale", s => $"{s.TimeScale:0.##}× (day = {Secs(s.DayWallSeconds)})");
        html.Append("</table>\n");
    }

    private static void ForecastSection(StringBuilder html, RunResults run)
    {
        html.Append("<h3>Forecast vs measurement</h3>\n");
        if (run.Forecast is not { } f)
        {
            html.Append("<p class=\"muted\">No forecast.</p>\n");
            return;
        }
        if (f.Error is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\" id=\"{Id(run)}-forecast-error\">Forecast unavailable: {E(f.Error)}</p>\n");
            return;
        }
        var verdict = f.MeasuredMaxLag < Narrative.SmallLag ? "" : Math.Abs(f.ErrorPercent) <= 15 ? " — within the 15% the model aims for" : " — outside the 15% the model aims for";
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"forecast-error\">{E(Narrative.ForecastSentence(f))}{E(verdict)}</p>\n");
        if (f.Capacity.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(f.Capacity)}</p>\n");
        }
        if (run.MeasuredForecast is not { } m || run.Mechanisms is not { } mechanisms)
        {
            return;
        }
        if (m.Error is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\" id=\"{Id(run)}-measured-forecast-error\">Forecast from measured mechanisms unavailable: {E(m.Error)}</p>\n");
            return;
        }
        var within = m.MeasuredMaxLag < Narrative.SmallLag ? "" : Math.Abs(m.ErrorPercent) <= 15 ? " — within 15%" : " — outside 15%";
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"forecast-error measured\">{E(Narrative.MeasuredForecastSentence(m, mechanisms))}{E(within)}</p>\n");
        html.Append("<table class=\"forecasts\"><tr><th>forecast</th><th>max lag</th><th>error</th></tr>\n");
        foreach (var (name, c) in new[] { ("from the scenario", f), ("from measured mechanisms", m) })
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(name)}</td><td>{c.ForecastMaxLag:#,0}</td><td>{c.ErrorPercent:+0.0;-0.0;0}%</td></tr>\n");
        }
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>measured</td><td>{f.MeasuredMaxLag:#,0}</td><td></td></tr>\n</table>\n");
        html.Append("<p class=\"muted\">The forecast from the scenario shows how good the scenario's stated parameters are for this machine; the forecast from measured mechanisms replaces them with what this run measured (never the lag curve) and shows the model's own error.</p>\n");
    }

    private static void Actions(StringBuilder html, RunResults run)
    {
        html.Append("<h3>Timeline actions</h3>\n<table><tr><th>at</th><th>action</th><th>took</th><th></th></tr>\n");
        foreach (var a in run.Actions)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(Narrative.When(run, a.T))}</td><td>{E(a.Type)}: {E(a.Detail)}</td><td class=\"num\">{Secs(a.End - a.T)}</td><td class=\"{(a.Error is null ? "pass" : "fail")}\">{E(a.Error ?? "ok")}</td></tr>\n");
        }
        if (run.Actions.Count == 0)
        {
            html.Append("<tr><td colspan=\"4\" class=\"muted\">No actions.</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void Pauses(StringBuilder html, RunResults run)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h3>Pauses and rebalances</h3>\n<p class=\"muted\">A pause: a partition whose committed offset did not move for at least {PauseDetector.MinimumSeconds:0} s while it had lag (<i>whole group</i>: no partition moved while the group had lag) (sampled every {Sampling.Samplers.LagInterval.TotalSeconds:0.#} s). A rebalance: the group not Stable, or its member count changed.</p>\n");
        html.Append("<div class=\"cols\"><table><tr><th>partition</th><th>from</th><th>length</th><th>during</th></tr>\n");
        foreach (var p in run.Pauses.Take(200))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{(p.Partition == PauseDetector.Group ? "whole group" : p.Partition.ToString(CultureInfo.InvariantCulture))}</td><td>{E(Narrative.When(run, p.T))}</td><td class=\"num\">{Secs(p.Length)}</td><td>{E(p.Cause ?? "")}</td></tr>\n");
        }
        if (run.Pauses.Count == 0)
        {
            html.Append("<tr><td colspan=\"4\" class=\"muted\">No pause.</td></tr>\n");
        }
        html.Append("</table><table><tr><th>rebalance at</th><th>length</th><th>members</th></tr>\n");
        foreach (var r in run.Rebalances.Take(200))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(Narrative.When(run, r.T))}</td><td class=\"num\">{(r.Length > 0 ? Secs(r.Length) : "&lt; 0.5s")}</td><td>{r.MembersBefore} → {r.MembersAfter}</td></tr>\n");
        }
        if (run.Rebalances.Count == 0)
        {
            html.Append("<tr><td colspan=\"3\" class=\"muted\">No rebalance.</td></tr>\n");
        }
        html.Append("</table></div>\n");
    }

    private static void Alerts(StringBuilder html, RunResults run)
    {
        html.Append("<h3>Alerts</h3>\n<table><tr><th>source</th><th>alert</th><th>severity</th><th>on</th><th>pending</th><th>firing</th><th>resolved</th></tr>\n");
        foreach (var a in run.Alerts)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(a.Source)}</td><td>{E(a.Name)}</td><td>{E(a.Severity)}</td><td>{E(a.Subject)}</td><td>{E(Narrative.When(run, a.ActiveAt))}</td><td>{E(a.FiredAt is { } f ? Narrative.When(run, f) : "-")}</td><td>{E(a.ResolvedAt is { } r ? Narrative.When(run, r) : "-")}</td></tr>\n");
        }
        if (run.Alerts.Count == 0)
        {
            html.Append("<tr><td colspan=\"7\" class=\"muted\">No alert fired.</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void Figure(StringBuilder html, string name, string title, string caption, string svg) =>
        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart\" data-chart=\"{E(name)}\" id=\"chart-{E(name)}\"><h4>{E(title)}</h4>\n{svg}\n<figcaption>{E(caption)}</figcaption></figure>\n");

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(label)}</th><td>{E(value)}</td></tr>\n");

    private static StringBuilder Begin(string title)
    {
        var html = new StringBuilder(1 << 20);
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{E(title)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        return html;
    }

    private static string End(StringBuilder html)
    {
        html.Append("<p class=\"muted\">Written by <code>laglab loadtest</code>. Every number on this page was measured in this run (or, for the forecast, computed from the scenario alone).</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Badge(bool passed) => passed ? "<span class=\"badge pass\">PASS</span>" : "<span class=\"badge fail\">FAIL</span>";

    private static string Id(RunResults run) => new([.. run.Scenario.Where(char.IsAsciiLetterOrDigit)]);

    private static string N(long value) => Units.Count(value);

    private static string Secs(double value) => Units.Seconds(value);
}
