using System.Text.Json;
using LagLab.Testing;

namespace LagLab.LoadTest.Tests.EndToEnd;

/// <summary>
/// The campaign in CI: two fixed generated scenarios (two static blocking instances at 11/s; one blocking consumer at
/// 11/s through partition growth; about 30 s of traffic each) through the real CLI, and every invariant must hold.
/// Both keep their lag far under 200 events, so the forecast is judged on the 200-event rule and a loaded CI machine
/// cannot make it flaky: at a load average of 50, seed 9135 (a bank outage) measured 671 against a forecast of 304
/// and seed 9040 (54/s, no disruption) 822 against 0 (docs/campaign.md). The
/// unexpected-exit invariant may be "not measured" only while results.json has no count of unexpected exits.
/// </summary>
public sealed class CampaignCiTests
{
    [Theory]
    [InlineData(9029)]
    [InlineData(9244)]
    public async Task Campaign_FixedSeed_EveryInvariantHolds(int seed)
    {
        using var directory = new TemporaryDirectory();

        var result = await ProcessRunner.RunAsync("dotnet",
            [LaglabProcess.CliPath, "campaign", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--count", "1", "--out", directory.Path],
            LoadTestCli.Timeout, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode is 0 or 1, LoadTestCli.Describe(result));
        using var campaign = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory.Path, "campaign.json"), TestContext.Current.CancellationToken));
        var run = Assert.Single(campaign.RootElement.GetProperty("runs").EnumerateArray());
        Assert.True(File.Exists(Path.Combine(directory.Path, $"seed-{seed}.yaml")));
        var runDirectory = run.GetProperty("runDirectory").GetString()!;
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(runDirectory, "results.json"), TestContext.Current.CancellationToken));
        var countsExits = results.RootElement.TryGetProperty("unexpectedExits", out _)
            || (results.RootElement.TryGetProperty("totals", out var totals) && totals.TryGetProperty("unexpectedExits", out _));
        foreach (var invariant in run.GetProperty("invariants").EnumerateArray())
        {
            var name = invariant.GetProperty("name").GetString();
            var status = invariant.GetProperty("status").GetString();
            var allowed = name == "no unexpected exit" && !countsExits ? new[] { "Pass", "NotMeasured" } : ["Pass"];
            Assert.True(allowed.Contains(status), $"seed {seed}: {name}: {status}: {invariant.GetProperty("detail").GetString()}{Environment.NewLine}{LoadTestCli.Describe(result)}");
        }
        Assert.Contains($"laglab campaign --seed {seed} --count 1", run.GetProperty("reproduce").GetString(), StringComparison.Ordinal);
    }
}
