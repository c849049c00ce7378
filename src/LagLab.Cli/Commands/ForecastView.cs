using System.Globalization;
using LagLab.Forecast;
using LagLab.Scenarios;
using Spectre.Console;

namespace LagLab.Cli.Commands;

/// <summary>The forecast as Spectre.Console tables: capacity, verdict, days, recommendation.</summary>
internal static class ForecastView
{
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    public static void Render(IAnsiConsole console, Scenario scenario, ForecastResult r, TimeSpan elapsed, string chart)
    {
        var scale = r.TimeScale == 1 ? "real time" : string.Create(Ic, $"compressed ×{r.TimeScale:0.#} (a day runs in {Duration.Format(TimeSpan.FromDays(1) / r.TimeScale)}; rates not scaled)");
        console.MarkupLine($"[bold]{Markup.Escape(r.Scenario)}[/]: forecast over {Duration.Format(r.Horizon)} of scenario time, {Markup.Escape(scale)}");
        if (scenario.Description.Length > 0)
        {
            console.MarkupLine($"[grey]{Markup.Escape(scenario.Description)}[/]");
        }

        var c = r.Capacity;
        var capacity = new Table().Title("capacity (first principles)").AddColumns("", "value");
        capacity.AddRow("traffic", Markup.Escape($"{scenario.Producer.Rate.Describe()}; mean {c.MeanInflow:0.#}/s, peak {c.PeakInflow:0.#}/s"));
        capacity.AddRow("bank", Markup.Escape($"{c.BankLimit:0.#}/s useful, mean latency {c.MeanLatency.TotalMilliseconds:0.##} ms"));
        capacity.AddRow("per instance", Markup.Escape($"{c.CallsPerInstance:0.#} calls/s ({scenario.Fleet.Processing.ToString().ToLowerInvariant()}), {c.ActiveConsumers} of {scenario.Fleet.Instances} instances own partitions"));
        capacity.AddRow("fleet, all partitions backlogged", Markup.Escape($"{c.Saturated:0.#}/s"));
        capacity.AddRow("highest inflow it keeps up with", Markup.Escape($"{c.Sustainable:0.#}/s — {c.Bottleneck}"));
        capacity.AddRow("one rolling deploy costs", Markup.Escape($"{c.DeployLoss:N0} events of processing; whole group stopped {Duration.Format(c.DeployGroupPause)}, longest partition pause {Duration.Format(c.DeployLongestPartitionPause)}"));
        console.Write(capacity);

        var verdict = new Table().Title(r.Range is null ? "forecast" : "forecast at the midpoint of the range (not a prediction)").AddColumns("", "value");
        verdict.AddRow("max lag", Markup.Escape($"{r.MaxLag:N0} at {When(r, r.MaxLagAt)} (highest partition {r.MaxPartitionLag:N0})"));
        if (r.MaxSpool > 0)
        {
            verdict.AddRow("max durable spool", Markup.Escape($"{r.MaxSpool:N0} (max backlog {r.MaxBacklog:N0})"));
        }
        verdict.AddRow("max time lag", Markup.Escape(Duration.Format(r.MaxTimeLag)));
        foreach (var a in r.Alerts)
        {
            var colour = a.Severity == AlertSeverity.Critical ? "red" : "orange1";
            var fires = a.FiresAt is { } at ? $"[{colour}]fires at {Markup.Escape(When(r, at))}[/]" : "[green]does not fire[/]";
            verdict.AddRow(Markup.Escape($"{a.Severity.ToString().ToLowerInvariant()} (> {a.Threshold:N0} for {Duration.Format(a.For)})"), fires);
        }
        var drained = r.Episodes.Where(e => e.DrainTime is not null).ToList();
        verdict.AddRow("drains", Markup.Escape(drained.Count == 0
            ? "never drains within the horizon"
            : $"{drained.Count} backlog episode(s) drained; longest drain {Duration.Format(drained.Max(e => e.DrainTime!.Value))} (wall) from a peak of {drained.MaxBy(e => e.DrainTime)!.Peak:N0}"));
        verdict.AddRow("at the horizon", Markup.Escape(r.EndBacklog < 1 ? "no backlog"
            : r.FinalDrain is { } drain ? $"{r.EndBacklog:N0} left, drains in {Duration.Format(drain)} (wall) at the spare capacity then"
            : $"{r.EndBacklog:N0} left and no spare capacity to drain it"));
        console.Write(verdict);

        if (r.Days.Count is > 1 and <= 31)
        {
            var days = new Table().Title("day by day (backlog = lag + spool)").AddColumns("day", "max", "max partition", "min", "end", "drained");
            foreach (var d in r.Days)
            {
                days.AddRow(d.Day.ToString(Ic), N(d.MaxBacklog), N(d.MaxPartitionLag), N(d.MinBacklog), N(d.EndBacklog), d.Drained ? "[green]yes[/]" : "[red]no[/]");
            }
            console.Write(days);
        }

        if (r.Recommendation is { } rec)
        {
            if (rec.AlreadyHolds)
            {
                console.MarkupLine($"[green]The backlog stays under the target of {rec.Target:N0}; no change needed.[/]");
            }
            else
            {
                var best = rec.Best;
                var table = new Table().Title(Markup.Escape($"smallest change keeping the backlog under {rec.Target:N0}")).AddColumns("lever", "now", "needed", "max backlog then", "");
                foreach (var change in rec.Changes)
                {
                    var mark = ReferenceEquals(change, best) ? "[green]smallest[/]" : "";
                    table.AddRow(
                        Markup.Escape(change.Lever.ToString()),
                        change.From == 0 && change.Lever == Lever.Concurrency ? "blocking" : N(change.From),
                        change.To is { } to ? N(to) : "[grey]—[/]",
                        change.MaxBacklog is { } b ? N(b) : "[grey]—[/]",
                        mark.Length > 0 ? mark : Markup.Escape(change.To is null ? change.Note : ""));
                }
                console.Write(table);
            }
        }
        console.MarkupLine(Markup.Escape($"chart: {chart}; computed in {elapsed.TotalMilliseconds:0.#} ms ({r.Steps:N0} steps)"));
    }

    private static string N(double v) => v.ToString("N0", Ic);

    /// <summary>"day 3 14:05" (or "40s" within the first two days) in scenario time, plus the wall time of a compressed run.</summary>
    private static string When(ForecastResult r, TimeSpan scenarioTime)
    {
        var text = r.Horizon < TimeSpan.FromDays(2)
            ? Duration.Format(scenarioTime)
            : string.Create(Ic, $"day {(int)scenarioTime.TotalDays + 1} {scenarioTime:hh\\:mm}");
        return r.TimeScale == 1 ? text : $"{text} (wall {Duration.Format(TimeSpan.FromSeconds(scenarioTime.TotalSeconds / r.TimeScale))})";
    }
}
