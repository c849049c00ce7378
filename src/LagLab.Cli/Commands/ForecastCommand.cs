using System.CommandLine;
using System.Globalization;
using LagLab.Forecast;
using LagLab.Forecast.Output;
using LagLab.Scenarios;
using Spectre.Console;

namespace LagLab.Cli.Commands;

/// <summary><c>laglab forecast</c>: the capacity model for a scenario, as a table and a chart.</summary>
internal static class ForecastCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("SCENARIO") { Description = "Scenario file, or the name of a built-in scenario (incident, fixed, ...)." };
        var horizon = new Option<string>("--horizon") { Description = "How far to look, in scenario time (e.g. 14d, 36h).", DefaultValueFactory = _ => "14d" };
        var target = new Option<double?>("--target-lag") { Description = "Backlog to stay under (default: slos.max_lag, else the critical threshold)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Directory for forecast.png and forecast.json (default: out/forecast-NAME)." };
        var json = new Option<bool>("--json") { Description = "Print the forecast as JSON on stdout instead of tables." };
        var calibration = new Option<string?>("--calibration") { Description = "Calibration file from `laglab calibrate` (or builtin:NAME for a built-in scenario's): the measured mechanisms make the forecast a point; without one it is a range." };
        var command = new Command("forecast", "Forecast consumer lag for a scenario from first principles (capacity, pauses, traffic).")
        {
            scenario, horizon, target, output, json, calibration,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Scenario loaded;
            ForecastOptions options;
            Calibration? calibrated = null;
            try
            {
                loaded = ScenarioLoader.Resolve(parse.GetValue(scenario)!);
                if (parse.GetValue(calibration) is { } file)
                {
                    calibrated = CalibrationFile.Resolve(file);
                }
                if (!Duration.TryParse(parse.GetValue(horizon), out var span, out var error))
                {
                    throw new ArgumentException($"--horizon: {error}.");
                }
                options = new ForecastOptions { Horizon = span, TargetLag = parse.GetValue(target) };
                options.Validate();
            }
            catch (ScenarioException ex)
            {
                await Console.Error.WriteLineAsync($"laglab forecast: invalid scenario{Environment.NewLine}{ex.Message}");
                return 2;
            }
            catch (CalibrationException ex)
            {
                await Console.Error.WriteLineAsync($"laglab forecast: invalid calibration file{Environment.NewLine}{ex.Message}");
                return 2;
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync($"laglab forecast: {ex.Message}");
                return 2;
            }

            var started = TimeProvider.System.GetTimestamp();
            ScenarioWarnings.Print("forecast", loaded);
            var result = Forecaster.Run(loaded, calibrated, options);
            var elapsed = TimeProvider.System.GetElapsedTime(started);

            var dir = parse.GetValue(output)?.FullName ?? Path.GetFullPath(Path.Combine("out", $"forecast-{loaded.Name}"));
            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Regression: --out naming a file escaped as a stack trace.
                await Console.Error.WriteLineAsync($"laglab forecast: --out '{dir}': cannot use it as the output directory: {ex.Message}");
                return 2;
            }
            var chart = Path.Combine(dir, "forecast.png");
            var text = ForecastJson.Serialize(result);
            await File.WriteAllTextAsync(Path.Combine(dir, "forecast.json"), text, cancellationToken);
            ForecastChart.SavePng(result, loaded.Alerts, chart);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(text);
                return 0;
            }
            ForecastRangeView.Render(AnsiConsole.Console, loaded, result);
            ForecastView.Render(AnsiConsole.Console, loaded, result, elapsed, chart);
            return 0;
        });
        return command;
    }
}
