using System.CommandLine;
using LagLab.LoadTest.Campaign;
using LagLab.LoadTest.Processes;
using LagLab.Scenarios;

namespace LagLab.Cli.Commands;

/// <summary>
/// <c>laglab campaign</c>: random valid scenarios, each run by the load-test harness and judged on four invariants;
/// writes campaign.json and summary.md. Exit 0: every run passed every invariant; 1: a run failed one or could not
/// measure one; 2: the campaign could not run.
/// </summary>
internal static class CampaignCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "How many scenarios to generate and run.", DefaultValueFactory = _ => 30 };
        var seed = new Option<int>("--seed") { Description = "Seed of the first scenario; scenario i has seed SEED + i, so --seed N --count 1 reruns scenario N alone.", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Directory for seed-N.yaml, runs/seed-N/, campaign.json and summary.md (default laglab-out/campaign-SEED)." };
        var calibration = new Option<string?>("--calibration") { Description = "JSON file of mechanism inputs measured on this machine, applied to each scenario before it is forecast." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only write the scenario files and print each one's forecast; run nothing." };
        var rejudge = new Option<string?>("--rejudge") { Description = "Judge a finished campaign in DIR again from the files its runs wrote (e.g. with --calibration), without running anything." };
        var command = new Command("campaign", "Run random valid scenarios and check the invariants on every run: no unexpected exit, an exact ledger, the monitor agreeing with the harness, the forecast of max lag within 15% (or 200 events). Exit 0: all held; 1: one failed or was not measured; 2: the campaign could not run.")
        {
            count, seed, output, calibration, dryRun, rejudge,
        };
        command.SetAction(async (parse, _) =>
        {
            CampaignOptions options;
            try
            {
                var file = parse.GetValue(calibration);
                options = new CampaignOptions
                {
                    Seed = parse.GetValue(seed),
                    Count = parse.GetValue(count),
                    OutputDirectory = parse.GetValue(output) ?? $"laglab-out/campaign-{parse.GetValue(seed)}",
                    Launcher = LaglabLauncher.FromCurrentProcess(),
                    CalibrationFile = file is null ? null : Path.GetFullPath(file),
                    Calibration = file is null ? null : MachineCalibration.Load(file),
                    DryRun = parse.GetValue(dryRun),
                };
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                return CommandHost.Fail("campaign", ex.Message);
            }
            if (parse.GetValue(rejudge) is { } recorded)
            {
                try
                {
                    var again = CampaignRunner.Rejudge(recorded, options.Calibration, options.CalibrationFile, Console.Out);
                    return again.Passed == again.Runs.Count ? 0 : 1;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException or ScenarioException)
                {
                    return CommandHost.Fail("campaign", $"cannot judge {recorded} again: {ex.Message}");
                }
            }
            using var shutdown = new ShutdownSignal();
            try
            {
                var report = await CampaignRunner.RunAsync(options, Console.Out, shutdown.Token);
                return report.Passed == report.Runs.Count ? 0 : 1;
            }
            catch (ScenarioException ex)
            {
                // A generated scenario the loader refuses is a generator bug: say which seed.
                return CommandHost.Fail("campaign", $"a generated scenario did not load: {ex.Message}");
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync("laglab campaign: cancelled; every part was stopped (campaign.json has the runs that finished).");
                return 2;
            }
        });
        return command;
    }
}
