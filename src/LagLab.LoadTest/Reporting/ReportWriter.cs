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

    public static RunResults ReadRun(string path) =>
        JsonSerializer.Deserialize(File.ReadAllText(path), ResultsJsonContext.Default.RunResults)
        ?? throw new InvalidDataException($"{path}: empty results");
}
