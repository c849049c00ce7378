using System.Text.Json;
using LagLab.Testing;

namespace LagLab.LoadTest.Tests.EndToEnd;

/// <summary>The short CI scenarios through the real CLI: every part a real process on the embedded broker.</summary>
public sealed class CiScenarioTests
{
    [Fact]
    public async Task Loadtest_CiPass_HoldsEverySloAndExitsZero()
    {
        using var directory = new TemporaryDirectory();

        var result = await LoadTestCli.RunAsync([LoadTestCli.Scenario("ci-pass.yaml"), "--out", directory.Path], TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, LoadTestCli.Describe(result));
        Assert.Contains("ci-pass: PASS", result.StandardOutput, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory.Path, "results.json"), TestContext.Current.CancellationToken));
        var totals = json.RootElement.GetProperty("totals");
        Assert.True(totals.GetProperty("produced").GetInt64() >= 1900, "50/s for 40 s is 2,000 events");
        Assert.Equal(totals.GetProperty("produced").GetInt64(), totals.GetProperty("applied").GetInt64());
        Assert.Equal(0, totals.GetProperty("lost").GetInt64());
        Assert.True(json.RootElement.GetProperty("samples").GetArrayLength() > 60);
        Assert.True(File.Exists(Path.Combine(directory.Path, "report.html")));
        Assert.True(File.Exists(Path.Combine(directory.Path, "lag.csv")));
    }

    [Fact]
    public async Task Loadtest_CiFail_ViolatesMaxLagAndExitsOne()
    {
        using var directory = new TemporaryDirectory();

        var result = await LoadTestCli.RunAsync([LoadTestCli.Scenario("ci-fail.yaml"), "--out", directory.Path, "--drain-timeout", "2s"], TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 1, LoadTestCli.Describe(result));
        Assert.Contains("ci-fail: FAIL", result.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"FAIL\s+max lag", result.StandardOutput);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory.Path, "results.json"), TestContext.Current.CancellationToken));
        Assert.True(json.RootElement.GetProperty("totals").GetProperty("maxLag").GetInt64() > 1000);
    }

    [Fact]
    public async Task Loadtest_BadScenario_ExitsTwoNamingTheFieldAndLine()
    {
        using var directory = new TemporaryDirectory();
        var file = Path.Combine(directory.Path, "bad.yaml");
        await File.WriteAllTextAsync(file, "name: bad\nproducer:\n  rate: 10\n  duration: 10s\nfleet:\n  instancs: 2\n", TestContext.Current.CancellationToken);

        var result = await LoadTestCli.RunAsync([file, "--out", directory.Path], TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.yaml:6:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("instancs", result.StandardError, StringComparison.Ordinal);
    }
}
