using System.Globalization;
using System.Reflection;
using System.Text.Json;
using LagLab.LoadTest.Reporting;
using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Campaign;

/// <summary>
/// <c>laglab campaign</c> as a library: generate each scenario, write it as seed-N.yaml, load it back through the
/// loader, run it with <c>laglab loadtest</c> (one process per run: a crashed harness fails its run, not the campaign), judge the four invariants from what the run wrote, and keep
/// campaign.json and summary.md current after every run (a campaign cut short still reports what it did).
/// </summary>
public static class CampaignRunner
{
    public const string ReportFile = "campaign.json";
    public const string SummaryFile = "summary.md";

    public static async Task<CampaignReport> RunAsync(CampaignOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        options.Validate();
        var directory = Path.GetFullPath(options.OutputDirectory);
        Directory.CreateDirectory(directory);
        var report = new CampaignReport
        {
            Seed = options.Seed,
            Count = options.Count,
            Version = Version(),
            Calibration = options.Calibration is { } c ? $"calibrated ({c.Source})" : "uncalibrated (each scenario's stated mechanisms)",
            StartedAt = options.Time.GetUtcNow(),
            Runs = [],
        };
        output.WriteLine($"campaign: {options.Count} scenario(s) from seed {options.Seed}, forecast {report.Calibration}; writing {directory}");
        if (options.DryRun)
        {
            await WriteScenariosAsync(options, directory, output, cancellationToken);
            return report;
        }
        for (var i = 0; i < options.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var run = await RunOneAsync(options, directory, i, cancellationToken);
            report = report with { Runs = [.. report.Runs, run] };
            Write(report, directory);
            output.WriteLine($"campaign: [{i + 1}/{options.Count}] seed {run.Seed}: {run.Verdict} in {run.WallSeconds:0} s; {Problems(run)}");
            output.Flush();
        }
        var e = report.ForecastError;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"campaign: {report.Passed} PASS, {report.Failed} FAIL, {report.Incomplete} INCOMPLETE of {report.Runs.Count}; forecast |error| median {e.Median:0.#}%, p90 {e.P90:0.#}%, worst {e.Worst:0.#}%"));
        output.WriteLine($"summary: {Path.Combine(directory, SummaryFile)}");
        return report;
    }

    /// <summary>
    /// Judges a finished campaign again from the files its runs wrote (after a change to a check, or with a
    /// calibration), without running anything; rewrites campaign.json and summary.md.
    /// </summary>
    public static CampaignReport Rejudge(string directory, MachineCalibration? calibration, string? calibrationFile, TextWriter output)
    {
        directory = Path.GetFullPath(directory);
        var recorded = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(directory, ReportFile)), CampaignJsonContext.Default.CampaignReport)
            ?? throw new InvalidDataException($"{Path.Combine(directory, ReportFile)}: empty");
        var options = new CampaignOptions
        {
            Seed = recorded.Seed,
            Count = recorded.Count,
            OutputDirectory = directory,
            Launcher = new Processes.LaglabLauncher("laglab", []),
            Calibration = calibration,
            CalibrationFile = calibrationFile,
        };
        var runs = recorded.Runs.Select(r => Judge(ScenarioLoader.Load(r.ScenarioFile), new LoadTestOutcome(r.ExitCode, null, [], Error(r)), r.RunDirectory, options, r.Index, r.ScenarioFile, r.WallSeconds)).ToList();
        var report = recorded with
        {
            Calibration = calibration is { } c ? $"calibrated ({c.Source})" : "uncalibrated (each scenario's stated mechanisms)",
            Runs = runs,
        };
        Write(report, directory);
        foreach (var run in runs)
        {
            output.WriteLine($"campaign: seed {run.Seed}: {run.Verdict}; {Problems(run)}");
        }
        var e = report.ForecastError;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"campaign: {report.Passed} PASS, {report.Failed} FAIL, {report.Incomplete} INCOMPLETE of {report.Runs.Count}; forecast |error| median {e.Median:0.#}%, p90 {e.P90:0.#}%, worst {e.Worst:0.#}%"));
        return report;
    }

    /// <summary>A failed run's error as first judged (the harness's message is not kept elsewhere).</summary>
    private static string? Error(CampaignRun run) =>
        run.Invariants.FirstOrDefault(i => i.Name == InvariantResult.NoUnexpectedExit && i.Detail.StartsWith("the run could not finish: ", StringComparison.Ordinal))?.Detail["the run could not finish: ".Length..];

    private static async Task WriteScenariosAsync(CampaignOptions options, string directory, TextWriter output, CancellationToken cancellationToken)
    {
        for (var i = 0; i < options.Count; i++)
        {
            var generated = ScenarioGenerator.Generate(options.Seed + i);
            var file = Path.Combine(directory, generated.FileName);
            await File.WriteAllTextAsync(file, generated.Yaml, cancellationToken);
            var scenario = ScenarioLoader.Load(file);
            var modelled = options.Calibration?.Apply(scenario) ?? scenario;
            var forecast = Forecast.Forecaster.Run(modelled, new Forecast.ForecastOptions { Horizon = scenario.Producer.Duration, Recommend = false, MaxPoints = 200 });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{file}: {scenario.TimeScale.ToWall(scenario.Producer.Duration).TotalSeconds:0} s; forecast max lag {forecast.MaxLag:0}, end {forecast.EndBacklog:0}; {scenario.Description}"));
        }
    }

    private static async Task<CampaignRun> RunOneAsync(CampaignOptions options, string directory, int index, CancellationToken cancellationToken)
    {
        var seed = options.Seed + index;
        var generated = ScenarioGenerator.Generate(seed);
        var file = Path.Combine(directory, generated.FileName);
        await File.WriteAllTextAsync(file, generated.Yaml, cancellationToken);
        // The file goes through the loader as a user's would, and the run is `laglab loadtest FILE` in its own process.
        var scenario = ScenarioLoader.Load(file);
        var runDirectory = Path.Combine(directory, "runs", Path.GetFileNameWithoutExtension(generated.FileName));
        Directory.CreateDirectory(runDirectory);
        var started = options.Time.GetTimestamp();
        var outcome = await LoadTestProcess.RunAsync(options.Launcher, file, runDirectory, seed, cancellationToken);
        var wall = options.Time.GetElapsedTime(started).TotalSeconds;
        return Judge(scenario, outcome, runDirectory, options, index, file, wall);
    }

    /// <summary>The four invariants of one finished run, from its outcome and the files it wrote.</summary>
    internal static CampaignRun Judge(Scenario scenario, LoadTestOutcome outcome, string runDirectory, CampaignOptions options, int index, string scenarioFile, double wallSeconds)
    {
        var seed = options.Seed + index;
        var resultsPath = Path.Combine(runDirectory, ReportWriter.ResultsFile);
        RunResults? results = null;
        JsonElement? raw = null;
        if (File.Exists(resultsPath))
        {
            try
            {
                results = ReportWriter.ReadRun(resultsPath);
                using var document = JsonDocument.Parse(File.ReadAllText(resultsPath));
                raw = document.RootElement.Clone();
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException)
            {
                results = null;
            }
        }
        var (forecast, error, forecastMax, measuredMax) = ForecastCheck.Judge(scenario, results, options.Calibration);
        var calibration = options.CalibrationFile is { } f ? $" --calibration {f}" : "";
        return new CampaignRun
        {
            Index = index,
            Seed = seed,
            ScenarioFile = scenarioFile,
            RunDirectory = runDirectory,
            Description = scenario.Description,
            ExitCode = outcome.ExitCode,
            WallSeconds = Math.Round(wallSeconds, 1),
            Invariants =
            [
                ExitCheck.Judge(outcome, raw),
                LedgerCheck.Judge(scenario, results),
                MonitorAgreement.Judge(results, runDirectory),
                forecast,
            ],
            ForecastMaxLag = forecastMax is { } fm ? Math.Round(fm) : null,
            MeasuredMaxLag = measuredMax,
            ForecastErrorPercent = error,
            ScenarioForecastErrorPercent = results?.Forecast is { Error: null } sf ? sf.ErrorPercent : null,
            MeasuredMechanismsErrorPercent = results?.MeasuredForecast is { Error: null } mf ? mf.ErrorPercent : null,
            Reproduce = $"laglab campaign --seed {seed.ToString(CultureInfo.InvariantCulture)} --count 1{calibration}",
            ReproduceLoadTest = "laglab " + string.Join(' ', LoadTestProcess.Arguments(scenarioFile, runDirectory, seed)),
        };
    }

    private static void Write(CampaignReport report, string directory)
    {
        File.WriteAllText(Path.Combine(directory, ReportFile), JsonSerializer.Serialize(report, CampaignJsonContext.Default.CampaignReport));
        File.WriteAllText(Path.Combine(directory, SummaryFile), CampaignSummary.Render(report));
    }

    private static string Problems(CampaignRun run)
    {
        var problems = run.Invariants.Where(i => i.Status != InvariantStatus.Pass).Select(i => $"{i.Name}: {i.Detail}").ToList();
        return problems.Count == 0 ? "every invariant held" : string.Join("; ", problems);
    }

    private static string Version() =>
        typeof(CampaignRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
