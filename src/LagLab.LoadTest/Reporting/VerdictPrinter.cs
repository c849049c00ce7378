using System.Globalization;
using LagLab.LoadTest.Live;
using LagLab.LoadTest.Results;
using Spectre.Console;

namespace LagLab.LoadTest.Reporting;

/// <summary>The verdict table on the console at the end of a run (a Spectre table on a terminal, plain lines otherwise).</summary>
internal static class VerdictPrinter
{
    public static void Print(TextWriter output, IReadOnlyList<RunResults> runs, string reportPath, LiveViewMode mode)
    {
        if (LiveView.Resolve(mode) == LiveViewMode.Rich)
        {
            foreach (var run in runs)
            {
                var table = new Table().Title($"{Markup.Escape(run.Scenario)}: {(run.Passed ? "[green]PASS[/]" : "[red]FAIL[/]")}");
                table.AddColumns("SLO", "target", "measured", "result");
                foreach (var slo in run.Verdict)
                {
                    table.AddRow(Markup.Escape(slo.Name), Markup.Escape(slo.Target), Markup.Escape(slo.Measured), slo.Pass ? "[green]pass[/]" : "[red]FAIL[/]");
                }
                AnsiConsole.Write(table);
                foreach (var line in ExitLines(run))
                {
                    AnsiConsole.MarkupLine($"[red]{Markup.Escape(line)}[/]");
                }
                AnsiConsole.MarkupLine(Markup.Escape(ForecastLine(run)));
            }
            AnsiConsole.MarkupLine($"report: [link]{Markup.Escape(reportPath)}[/]");
            return;
        }
        foreach (var run in runs)
        {
            output.WriteLine($"{run.Scenario}: {(run.Passed ? "PASS" : "FAIL")}");
            foreach (var slo in run.Verdict)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(slo.Pass ? "pass" : "FAIL"),-4}  {slo.Name,-22} target {slo.Target,-12} measured {slo.Measured}"));
            }
            foreach (var line in ExitLines(run))
            {
                output.WriteLine("  " + line);
            }
            output.WriteLine("  " + ForecastLine(run));
        }
        output.WriteLine($"report: {reportPath}");
        output.Flush();
    }

    /// <summary>One line per part that exited unasked, with its last output line (the rest is in report.html and its log).</summary>
    public static IEnumerable<string> ExitLines(RunResults run) =>
        run.UnexpectedExits.Select(e => $"unexpected exit: {e.Describe()}, {e.Then}{(e.LastLines.Count > 0 ? $"; last line: {e.LastLines[^1]}" : "")}");

    /// <summary>Both forecast errors on the maximum lag: from the scenario as written, and from the mechanisms measured.</summary>
    public static string ForecastLine(RunResults run)
    {
        static string One(ForecastComparison? f) => f switch
        {
            null => "none",
            { Error: { } e } => e,
            _ => string.Create(CultureInfo.InvariantCulture, $"{f.ForecastMaxLag:#,0} ({f.ErrorPercent:+0.0;-0.0;0}%)"),
        };
        var measured = run.Forecast?.MeasuredMaxLag ?? run.Totals.MaxLag;
        return string.Create(CultureInfo.InvariantCulture, $"max lag {measured:#,0}; forecast from the scenario {One(run.Forecast)}, from measured mechanisms {One(run.MeasuredForecast)}");
    }

    public static void Explain(TextWriter output, IReadOnlyList<string> explanations)
    {
        foreach (var line in explanations)
        {
            output.WriteLine("- " + line);
        }
        output.Flush();
    }
}
