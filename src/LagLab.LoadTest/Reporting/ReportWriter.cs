using System.Text.Json;
using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Reporting;

/// <summary>Writes a run's (or a comparison's) report.html, results.json and lag.csv into a directory.</summary>
internal static class ReportWriter
{
    public const string ReportFile = "report.html";
    public const string ResultsFile = "results.json";
    public const string LagFile = "lag.csv";

    public static string Write(RunResults run, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, ResultsFile), JsonSerializer.Serialize(run, ResultsJsonContext.Default.RunResults));
        File.WriteAllText(Path.Combine(directory, LagFile), LagCsv.Render([run]));
        var report = Path.Combine(directory, ReportFile);
        File.WriteAllText(report, HtmlReport.Render(run));
        return report;
    }

    public static string Write(ComparisonResults comparison, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, ResultsFile), JsonSerializer.Serialize(comparison, ResultsJsonContext.Default.ComparisonResults));
        File.WriteAllText(Path.Combine(directory, LagFile), LagCsv.Render([comparison.A, comparison.B]));
        var report = Path.Combine(directory, ReportFile);
        File.WriteAllText(report, HtmlReport.Render(comparison));
        return report;
    }

    /// <summary>
    /// Writes the report again from a recorded results.json (one run or a comparison), with the current explanations;
    /// returns the report's path and whether every SLO held.
    /// </summary>
    public static (string Report, bool Passed) Rewrite(string resultsPath, string directory)
    {
        var text = File.ReadAllText(resultsPath);
        using var document = JsonDocument.Parse(text);
        if (document.RootElement.TryGetProperty("a", out _) && document.RootElement.TryGetProperty("b", out _))
        {
            var recorded = JsonSerializer.Deserialize(text, ResultsJsonContext.Default.ComparisonResults)
                ?? throw new InvalidDataException($"{resultsPath}: empty results");
            var comparison = recorded with { Explanations = Analysis.Narrative.Compare(recorded.A, recorded.B) };
            return (Write(comparison, directory), comparison.A.Passed && comparison.B.Passed);
        }
        var run = ReadRun(resultsPath);
        return (Write(run, directory), run.Passed);
    }

    public static RunResults ReadRun(string path) =>
        JsonSerializer.Deserialize(File.ReadAllText(path), ResultsJsonContext.Default.RunResults)
        ?? throw new InvalidDataException($"{path}: empty results");
}
