using System.Diagnostics;

namespace LagLab.Monitor.Tests.Alerting;

/// <summary>The shipped rule file through Prometheus' own tool: syntax, and the unit tests that pin thresholds and durations.</summary>
public sealed class PromtoolTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("promtool") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(ShippedFiles.RuleFile)! };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task CheckRules_ShippedRuleFile_Succeeds()
    {
        var (exitCode, output) = await RunAsync("check", "rules", ShippedFiles.RuleFile);

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS: 9 rules found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestRules_ShippedTests_Pass()
    {
        var (exitCode, output) = await RunAsync("test", "rules", ShippedFiles.RuleTestFile);

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }
}
