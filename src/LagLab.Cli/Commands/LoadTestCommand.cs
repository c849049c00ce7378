using System.CommandLine;
using LagLab.LoadTest;
using LagLab.Scenarios;

namespace LagLab.Cli.Commands;

/// <summary><c>laglab loadtest</c>: runs a scenario (or two, compared) and writes report.html, results.json and lag.csv.</summary>
internal static class LoadTestCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string?>("scenario") { Description = "Scenario file, or the name of a built-in scenario (incident, fixed, ...).", Arity = ArgumentArity.ZeroOrOne };
        var compare = new Option<string[]>("--compare") { Description = "Run two scenarios side by side and write one comparison report: --compare A.yaml B.yaml.", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true };
        var fromResults = new Option<string?>("--from-results") { Description = "Write the report again from a recorded results.json (a run or a comparison), without running anything." };
        var calibration = new Option<string?>("--calibration") { Description = "Calibration file from `laglab calibrate` (or builtin:NAME): the report's forecast uses its measured mechanisms; without one the forecast is an uncalibrated range." };
        var options = new LoadTestCliOptions();
        var command = new Command("loadtest", "Run a load-test scenario against real processes, judge its SLOs and write the report. Exit 0: every SLO held; 1: one was violated; 2: the run failed.")
        {
            scenario, compare, fromResults, calibration,
        };
        options.AddTo(command);
        command.Validators.Add(result =>
        {
            // GetResult, not GetValue: GetValue throws when --compare itself failed to parse (one file instead of two), and a
            // throw here aborted the process (exit 134) instead of reporting the arity error.
            var given = (result.GetResult(scenario) is { Tokens.Count: > 0 } ? 1 : 0) + (result.GetResult(compare) is not null ? 1 : 0) + (result.GetResult(fromResults) is not null ? 1 : 0);
            if (result.GetResult(compare) is { Tokens.Count: var files and not 2 })
            {
                result.AddError($"--compare needs two scenarios (--compare A B), got {files}.");
                return;
            }
            if (given != 1)
            {
                result.AddError("give one of: a SCENARIO, --compare A B, or --from-results FILE.");
            }
            else if (result.GetValue(calibration) is not null && result.GetValue(scenario) is null)
            {
                result.AddError("--calibration goes with one SCENARIO (a calibration belongs to one system and scenario).");
            }
        });
        command.SetAction(async (parse, _) =>
        {
            if (!options.TryRead(parse, "laglab-out/" + (parse.GetValue(scenario) is { } s ? Path.GetFileNameWithoutExtension(s) : "compare"), out var runOptions))
            {
                return LoadTestOutcome.Failed;
            }
            if (parse.GetValue(fromResults) is { } recorded)
            {
                return LoadTestHarness.Rewrite(recorded, parse.GetValue(options.Out) ?? Path.GetDirectoryName(Path.GetFullPath(recorded))!, Console.Out).ExitCode;
            }
            using var shutdown = new ShutdownSignal();
            try
            {
                if (parse.GetValue(compare) is { Length: 2 } pair)
                {
                    var a = ScenarioLoader.Resolve(pair[0]);
                    var b = ScenarioLoader.Resolve(pair[1]);
                    return (await LoadTestHarness.CompareAsync(a, b, runOptions, Console.Out, shutdown.Token)).ExitCode;
                }
                var loaded = ScenarioLoader.Resolve(parse.GetValue(scenario)!);
                ScenarioWarnings.Print("loadtest", loaded);
                if (parse.GetValue(calibration) is { } file)
                {
                    var calibrated = CalibrationFile.Resolve(file);
                    runOptions = runOptions with { CalibrationFor = _ => calibrated };
                }
                return (await LoadTestHarness.RunAsync(loaded, runOptions, Console.Out, shutdown.Token)).ExitCode;
            }
            catch (ScenarioException ex)
            {
                await Console.Error.WriteLineAsync($"laglab loadtest: {ex.Message}");
                return LoadTestOutcome.Failed;
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync($"laglab loadtest: {ex.Message}");
                return LoadTestOutcome.Failed;
            }
            catch (CalibrationException ex)
            {
                await Console.Error.WriteLineAsync($"laglab loadtest: invalid calibration file{Environment.NewLine}{ex.Message}");
                return LoadTestOutcome.Failed;
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync("laglab loadtest: cancelled; every part was stopped.");
                return LoadTestOutcome.Failed;
            }
        });
        return command;
    }
}
