using System.Text.Json;
using LagLab.Testing;

namespace LagLab.LoadTest.Tests.EndToEnd;

/// <summary>
/// A real static-membership rolling deploy through the CLI: the restart is measured from the processes, the pipelines'
/// lines and the bank's ledger, so what comes out is not the scenario's imposed replacement echoed back.
/// </summary>
public sealed class RestartMeasurementTests
{
    /// <summary>A committed offset moves at the pipeline's commit interval (1 s) and is sampled every 0.5 s, at each end.</summary>
    private const double CommitAndSampling = 1.0 + (2 * 0.5);

    [Fact]
    public async Task Loadtest_StaticRollingDeploy_PhasesAreMeasuredAndAddUpToThePause()
    {
        using var directory = new TemporaryDirectory();
        var scenario = Path.Combine(AppContext.BaseDirectory, "Scenarios", "static-deploy.yaml");

        var result = await LoadTestCli.RunAsync([scenario, "--out", directory.Path, "--drain-timeout", "10s"], TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode is 0 or 1, LoadTestCli.Describe(result));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory.Path, "results.json"), TestContext.Current.CancellationToken));
        var mechanisms = json.RootElement.GetProperty("mechanisms");
        var restarts = mechanisms.GetProperty("restarts").EnumerateArray().ToList();
        Assert.Equal(2, restarts.Count);
        foreach (var restart in restarts)
        {
            Assert.Equal("rolling_deploy", restart.GetProperty("cause").GetString());
            var phases = restart.GetProperty("phases").EnumerateArray()
                .Select(p => (Name: p.GetProperty("name").GetString()!, From: p.GetProperty("from").GetDouble(), To: p.GetProperty("to").GetDouble())).ToList();
            Assert.Equal(["stop", "replacement", "startup", "join", "first record"], phases.Select(p => p.Name));
            // Contiguous: each phase starts where the previous one ended, from the stop request to the first record.
            Assert.Equal(restart.GetProperty("stopRequested").GetDouble(), phases[0].From, 6);
            for (var i = 1; i < phases.Count; i++)
            {
                Assert.Equal(phases[i - 1].To, phases[i].From, 6);
            }
            // The imposed part is the harness's wait between the real exit and the real start: at least 2 s, not more
            // than a loaded machine's timer slip; the rest was the processes' own time and is not zero.
            var replacement = phases[1].To - phases[1].From;
            Assert.InRange(replacement, 2.0, 3.0);
            Assert.True(phases[0].To > phases[0].From && phases[2].To > phases[2].From, "stop and startup come from the real process");
            var away = restart.GetProperty("awaySeconds").GetDouble();
            Assert.Equal(phases[^1].To - phases[0].From, away, 6);

            // The same stall as Kafka lag shows it: each partition's pause from committed offsets matches the ledger's.
            foreach (var partition in restart.GetProperty("partitions").EnumerateArray())
            {
                var p = partition.GetProperty("partition").GetInt32();
                var ledger = partition.GetProperty("pauseSeconds").GetDouble();
                var lag = json.RootElement.GetProperty("pauses").EnumerateArray()
                    .Where(x => x.GetProperty("partition").GetInt32() == p && x.GetProperty("cause").GetString() == "rolling_deploy")
                    .Select(x => x.GetProperty("length").GetDouble()).DefaultIfEmpty(0).Max();
                Assert.True(Math.Abs(lag - ledger) <= CommitAndSampling, $"partition {p}: {lag:0.00} s in Kafka lag, {ledger:0.00} s at the bank");
            }
        }
        // The model's restart_time from measured events, not the 17 s the scenario states.
        var measured = mechanisms.GetProperty("restartSeconds").GetDouble();
        Assert.Equal(restarts.Average(r => r.GetProperty("awaySeconds").GetDouble()), measured, 6);
        Assert.InRange(measured, 2.0, 12.0);
    }
}
