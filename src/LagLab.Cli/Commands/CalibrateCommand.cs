using System.CommandLine;
using LagLab.LoadTest;
using LagLab.LoadTest.Calibrating;
using LagLab.LoadTest.Live;
using LagLab.LoadTest.Processes;
using LagLab.Scenarios;

namespace LagLab.Cli.Commands;

/// <summary>
/// <c>laglab calibrate</c>: a short probe of the actual system (at most 2 minutes of traffic) that measures the
/// forecast's mechanism inputs and writes them as a calibration file for <c>forecast</c> and <c>loadtest</c>.
/// Exit 0 with a file written, 2 when the scenario, an option or the probe failed.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("SCENARIO") { Description = "Scenario file, or the name of a built-in scenario (incident, fixed, ...): its cluster, fleet and bank are probed." };
        var output = new Option<string?>("--out") { Description = "The calibration file to write (default: laglab-out/calibrate-NAME/NAME.calibration.yaml)." };
        var duration = new Option<string?>("--duration") { Description = $"The probe's traffic time, 30s to {Duration.Format(ProbeScenario.MaxDuration)} (default {Duration.Format(ProbeScenario.DefaultDuration)})." };
        var reportDir = new Option<string?>("--report-dir") { Description = "Where the probe's report and logs go (default: the calibration file's directory)." };
        var bankListen = new Option<string?>("--bank-listen") { Description = "host:port for the bank (for a fleet: external pipeline that must be pointed at it)." };
        var live = new Option<LiveViewMode>("--live") { Description = "Live view: auto, rich, plain or none.", DefaultValueFactory = _ => LiveViewMode.Auto };
        var seed = new Option<int>("--seed") { Description = "Seed of accounts, amounts and the bank's draws.", DefaultValueFactory = _ => 42 };
        var command = new Command("calibrate", "Measure the system's mechanisms (per-call time, effective budget, restart and rebalance times, re-sends) with a short probe and write a calibration file for forecast and loadtest.")
        {
            scenario, output, duration, reportDir, bankListen, live, seed,
        };
        command.SetAction(async (parse, _) =>
        {
            Scenario loaded;
            TimeSpan probe;
            try
            {
                loaded = ScenarioLoader.Resolve(parse.GetValue(scenario)!);
                probe = ProbeScenario.DefaultDuration;
                if (parse.GetValue(duration) is { } text && !Duration.TryParse(text, out probe, out var error))
                {
                    throw new ArgumentException($"--duration: {error}.");
                }
                ProbeScenario.Derive(loaded, probe);
            }
            catch (ScenarioException ex)
            {
                return CommandHost.Fail("calibrate", $"invalid scenario{Environment.NewLine}{ex.Message}");
            }
            catch (ArgumentException ex)
            {
                return CommandHost.Fail("calibrate", ex.Message);
            }
            ScenarioWarnings.Print("calibrate", loaded);
            var file = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine("laglab-out", $"calibrate-{loaded.Name}", $"{loaded.Name}.calibration.yaml"));
            var options = new LoadTestOptions
            {
                OutputDirectory = parse.GetValue(reportDir) ?? Path.GetDirectoryName(file)!,
                Launcher = LaglabLauncher.FromCurrentProcess(),
                BankListen = parse.GetValue(bankListen),
                LiveView = parse.GetValue(live),
                Seed = parse.GetValue(seed),
            };
            using var shutdown = new ShutdownSignal();
            try
            {
                var run = await Calibrator.RunAsync(loaded, options, Console.Out, shutdown.Token, probe);
                CalibrationFile.Save(run.Calibration, file);
                CalibrationPrinter.Print(Console.Out, run.Calibration, run.Notes);
                Console.Out.WriteLine($"probe report: {run.Report}");
                Console.Out.WriteLine($"calibration written to {file}");
                return 0;
            }
            catch (OperationCanceledException)
            {
                return CommandHost.Fail("calibrate", "cancelled; every part was stopped.");
            }
            catch (Exception ex) when (ex is LoadTestException or ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException or Confluent.Kafka.KafkaException or ChildProcessException or HttpRequestException)
            {
                return CommandHost.Fail("calibrate", $"the probe of {loaded.Name} could not run: {ex.Message}");
            }
        });
        return command;
    }
}
