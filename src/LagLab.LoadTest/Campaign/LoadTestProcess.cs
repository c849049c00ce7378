using System.Diagnostics;
using System.Globalization;
using LagLab.LoadTest.Processes;

namespace LagLab.LoadTest.Campaign;

/// <summary>
/// One campaign run as its own <c>laglab loadtest</c> process, exactly the command a failing seed reproduces with.
/// A harness that dies (librdkafka can abort a process whose admin request is in flight when the broker restarts)
/// then fails that run alone instead of ending the campaign; the parts it started are stopped by the process ids
/// their logs begin with.
/// </summary>
internal static class LoadTestProcess
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<string> Arguments(string scenarioFile, string runDirectory, int seed) =>
        ["loadtest", scenarioFile, "--out", runDirectory, "--seed", seed.ToString(CultureInfo.InvariantCulture),
            "--drain-timeout", ExactDuration.Format(ScenarioGenerator.DrainBudget), "--live", "none"];

    /// <summary>Runs it to the end with its output in <c>console.txt</c>; returns the exit code and, when it did not finish, why.</summary>
    public static async Task<LoadTestOutcome> RunAsync(LaglabLauncher launcher, string scenarioFile, string runDirectory, int seed, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(runDirectory);
        var console = Path.Combine(runDirectory, "console.txt");
        var info = new ProcessStartInfo(launcher.FileName) { UseShellExecute = false };
        foreach (var argument in launcher.PrefixArguments.Concat(Arguments(scenarioFile, runDirectory, seed)))
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["NO_COLOR"] = "1";
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {launcher} loadtest");
        await using (var log = new StreamWriter(console))
        {
            var copy = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(log.BaseStream, CancellationToken.None),
                process.StandardError.BaseStream.CopyToAsync(log.BaseStream, CancellationToken.None));
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Signals.Send(process.Id, Signals.SigTerm);
                using var grace = new CancellationTokenSource(StopGrace);
                try
                {
                    await process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill();
                }
                throw;
            }
            await copy;
        }
        var code = process.ExitCode;
        if (code is LoadTestOutcome.Passed or LoadTestOutcome.SloViolated)
        {
            return new LoadTestOutcome(code, Path.Combine(runDirectory, "report.html"), [], null);
        }
        var stopped = code == LoadTestOutcome.Failed ? [] : StopOrphans(Path.Combine(runDirectory, "logs"));
        var tail = string.Join(" / ", File.ReadLines(console).Where(l => l.Trim().Length > 0).TakeLast(3));
        var left = stopped.Count == 0 ? "" : $"; stopped the parts it left running: {string.Join(", ", stopped)}";
        return new LoadTestOutcome(code, null, [], $"laglab loadtest exited with code {code}: {tail}{left}");
    }

    /// <summary>SIGKILL to every part a dead harness started that still runs (the last <c># pid N</c> of each log).</summary>
    private static List<string> StopOrphans(string logs)
    {
        var stopped = new List<string>();
        if (!Directory.Exists(logs))
        {
            return stopped;
        }
        foreach (var log in Directory.GetFiles(logs, "*.log"))
        {
            var pid = File.ReadLines(log).Where(l => l.StartsWith("# pid ", StringComparison.Ordinal))
                .Select(l => int.TryParse(l["# pid ".Length..], CultureInfo.InvariantCulture, out var id) ? id : 0).LastOrDefault();
            var commandLine = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline";
            if (pid > 0 && File.Exists(commandLine) && File.ReadAllText(commandLine).Contains("laglab", StringComparison.OrdinalIgnoreCase))
            {
                Signals.Send(pid, Signals.SigKill);
                stopped.Add($"{Path.GetFileNameWithoutExtension(log)} ({pid.ToString(CultureInfo.InvariantCulture)})");
            }
        }
        return stopped;
    }
}
