using System.CommandLine;
using LagLab.LoadTest;
using LagLab.Scenarios;

namespace LagLab.Cli.Commands;

/// <summary>
/// <c>laglab demo</c>: the built-in incident and fixed scenarios side by side on embedded brokers, with the live view
/// and one comparison report. Exit 0 when the demo ran and the fixed scenario held its SLOs, 1 when it did not, 2 on error.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = $"A compressed variant (a day lasts {Duration.Format(DemoScenarios.QuickDay)}, {DemoScenarios.QuickDays} days): under 3 minutes instead of about 10." };
        var options = new LoadTestCliOptions(withBankListen: false);
        var command = new Command("demo", "Reproduce the write-up's lag incident and prove its fix: the incident and fixed scenarios side by side, live, then a comparison report.")
        {
            quick,
        };
        options.AddTo(command);
        command.SetAction(async (parse, _) =>
        {
            if (!options.TryRead(parse, "laglab-out/demo", out var runOptions))
            {
                return LoadTestOutcome.Failed;
            }
            var (incident, fixedScenario) = DemoScenarios.Load(parse.GetValue(quick));
            // The built-ins ship with calibrations (scenarios/calibration/): the report's forecast uses them.
            runOptions = runOptions with { CalibrationFor = s => CalibrationFile.BuiltIn(s.Name) };
            if (runOptions.DrainTimeout == LoadTestOptions.DefaultDrainTimeout && parse.GetValue(quick))
            {
                // The quick demo keeps its promise of under 3 minutes; the incident's backlog is reported as pending.
                runOptions = runOptions with { DrainTimeout = TimeSpan.FromSeconds(10) };
            }
            using var shutdown = new ShutdownSignal();
            try
            {
                var outcome = await LoadTestHarness.CompareAsync(incident, fixedScenario, runOptions, Console.Out, shutdown.Token);
                if (outcome.ExitCode == LoadTestOutcome.Failed)
                {
                    return outcome.ExitCode;
                }
                var fixedPassed = outcome.Runs.FirstOrDefault(r => r.Scenario == fixedScenario.Name).Passed;
                return fixedPassed ? LoadTestOutcome.Passed : LoadTestOutcome.SloViolated;
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync("laglab demo: cancelled; every part was stopped.");
                return LoadTestOutcome.Failed;
            }
        });
        return command;
    }
}
