using System.Diagnostics;
using System.Text.Json;
using LagLab.Testing;

namespace LagLab.LoadTest.Tests.EndToEnd;

/// <summary>
/// A pipeline instance SIGKILLed from outside the timeline, during a real run through the CLI: the orchestrator-like
/// restart policy brings it back and the run goes on, yet the run fails its <c>unexpected exits</c> check.
/// </summary>
public sealed class UnexpectedExitTests
{
    [Fact]
    public async Task Loadtest_InstanceKilledFromOutside_IsRestartedAndStillFailsTheRun()
    {
        using var directory = new TemporaryDirectory();
        var output = Path.Combine(directory.Path, "out");
        var scenario = Path.Combine(AppContext.BaseDirectory, "Scenarios", "crash-restart.yaml");
        await using var loadtest = LaglabProcess.Start("loadtest", scenario, "--out", output, "--live", "plain", "--drain-timeout", "30s");
        // The plain view's status line (every 10 s) names the phase: traffic runs once it says so.
        await loadtest.WaitForLineAsync(", running)", TimeSpan.FromMinutes(3));
        var log = Path.Combine(output, "logs", "pipeline-0.log");

        using (var victim = Process.GetProcessById(Pids(log).Single()))
        {
            victim.Kill(entireProcessTree: false);
        }
        var exitCode = await loadtest.WaitForExitAsync(LoadTestCli.Timeout);

        var printed = string.Join('\n', loadtest.Lines);
        Assert.True(exitCode == 1, $"exit {exitCode}\n{printed}");
        Assert.Contains("crash-restart: FAIL", printed, StringComparison.Ordinal);
        Assert.Matches(@"FAIL\s+unexpected exits\s+target 0\s+measured 1", printed);
        Assert.Contains("UNEXPECTED EXIT pipeline-0 SIGKILL", printed, StringComparison.Ordinal);
        Assert.Equal(2, Pids(log).Count);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "results.json"), TestContext.Current.CancellationToken));
        var exit = Assert.Single(json.RootElement.GetProperty("unexpectedExits").EnumerateArray());
        Assert.Equal("pipeline", exit.GetProperty("part").GetString());
        Assert.Equal(0, exit.GetProperty("instance").GetInt32());
        Assert.Equal("SIGKILL", exit.GetProperty("signal").GetString());
        Assert.Equal(137, exit.GetProperty("exitCode").GetInt32());
        Assert.Contains("restart scheduled after a 1s back-off", exit.GetProperty("then").GetString(), StringComparison.Ordinal);
        Assert.True(exit.GetProperty("t").GetDouble() > 0, "killed during traffic");
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        // The run went on after the crash: the restarted instance and the other one applied everything.
        var totals = json.RootElement.GetProperty("totals");
        Assert.Equal(totals.GetProperty("produced").GetInt64(), totals.GetProperty("applied").GetInt64());
        Assert.Equal(1, totals.GetProperty("unexpectedExits").GetInt32());
        var report = await File.ReadAllTextAsync(Path.Combine(output, "report.html"), TestContext.Current.CancellationToken);
        Assert.Contains("<td>unexpected exits</td><td>0</td><td class=\"num\">1</td><td class=\"fail\">FAIL</td>", report, StringComparison.Ordinal);
        Assert.Contains("id=\"unexpected-exits\"", report, StringComparison.Ordinal);
    }

    /// <summary>The process ids the harness wrote into an instance's log, one per start.</summary>
    private static List<int> Pids(string log)
    {
        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n').Where(l => l.StartsWith("# pid ", StringComparison.Ordinal))
            .Select(l => int.Parse(l["# pid ".Length..], System.Globalization.CultureInfo.InvariantCulture))];
    }
}
