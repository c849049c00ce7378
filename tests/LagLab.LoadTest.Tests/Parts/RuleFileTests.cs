using LagLab.LoadTest.Parts;
using LagLab.Scenarios;
using LagLab.Testing;

namespace LagLab.LoadTest.Tests.Parts;

public sealed class RuleFileTests
{
    [Fact]
    public void Render_CompressedScenario_HasTheThresholdsAndTheCompressedFor()
    {
        var text = RuleFile.Render(new AlertSpec { Warning = 1000, Critical = 10_000, For = TimeSpan.FromMinutes(5) }, new TimeScale(480));

        Assert.Contains("expr: kafka_consumer_lag > 1000\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("expr: kafka_consumer_lag > 10000\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        // 5m / 480 = 625 ms.
        Assert.Contains("for: 625ms", text, StringComparison.Ordinal);
        Assert.Contains("severity: critical", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_IsAValidPrometheusRuleFile()
    {
        var promtool = RequiredTool.Require("/usr/bin/promtool", "prometheus");
        using var directory = new TemporaryDirectory();
        var file = Path.Combine(directory.Path, "rules.yml");
        await File.WriteAllTextAsync(file, RuleFile.Render(new AlertSpec(), new TimeScale(1728)), TestContext.Current.CancellationToken);

        var result = await ProcessRunner.RunAsync(promtool, ["check", "rules", file], TimeSpan.FromSeconds(30), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains("2 rules found", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(0.0004, "1ms")]
    [InlineData(0.625, "625ms")]
    [InlineData(300, "300s")]
    public void PromDuration_WholeMillisecondsOrSeconds(double seconds, string expected) =>
        Assert.Equal(expected, CliArgs.PromDuration(TimeSpan.FromSeconds(seconds)));
}
