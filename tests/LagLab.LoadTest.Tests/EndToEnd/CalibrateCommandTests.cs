using System.Text.Json;
using LagLab.Scenarios;
using LagLab.Testing;

namespace LagLab.LoadTest.Tests.EndToEnd;

/// <summary>
/// <c>laglab calibrate</c> through the real CLI on the embedded broker: a tiny scenario's probe writes a calibration
/// file, and <c>laglab forecast</c> then accepts it and forecasts a point instead of a range.
/// </summary>
public sealed class CalibrateCommandTests
{
    /// <summary>One blocking instance on one partition against a 20 ms bank, redeployed in the probe (1 s imposed away).</summary>
    private const string Tiny = """
        name: tiny
        topic: { partitions: 1 }
        producer: { rate: 20, accounts: 50, duration: 1m }
        fleet: { instances: 1, assignor: range, processing: blocking, replacement_time: 1s }
        bank: { rate_limit: 200, latency: { p50: 20ms, p99: 20ms } }
        actions:
          - { type: rolling_deploy, at: 30s }
        """;

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calibrate_TinyScenario_WritesAFileTheForecastAccepts()
    {
        using var directory = new TemporaryDirectory();
        var scenario = Path.Combine(directory.Path, "tiny.yaml");
        await File.WriteAllTextAsync(scenario, Tiny, Ct);
        var file = Path.Combine(directory.Path, "tiny.calibration.yaml");

        var calibrate = await ProcessRunner.RunAsync("dotnet", [LaglabProcess.CliPath, "calibrate", scenario, "--out", file, "--duration", "45s", "--live", "none"], Limit, cancellationToken: Ct);

        Assert.True(calibrate.ExitCode == 0, LoadTestCli.Describe(calibrate));
        Assert.Contains($"calibration written to {file}", calibrate.StandardOutput, StringComparison.Ordinal);
        var calibration = CalibrationFile.Load(file);
        Assert.Equal("tiny", calibration.Measured.Scenario);
        Assert.Equal(("embedded", "local"), (calibration.Measured.Cluster, calibration.Measured.Fleet));
        Assert.InRange(calibration.Measured.ProbeSeconds, 44, 46);
        // A call takes at least the bank's 20 ms. A restart is measured from events (stop requested to the new process
        // asking to join), so it contains the 1 s replacement the harness imposed. A lone member has no rebalance with
        // anyone: the ownership lines show none, so none is written (the forecast ranges over it).
        Assert.InRange(calibration.Mechanisms.PerCall!.Value, 0.02, 1);
        Assert.InRange(calibration.Mechanisms.RestartTime!.Value, 1, 30);
        Assert.NotNull(calibration.Mechanisms.RestartReplay);

        var forecast = await ProcessRunner.RunAsync("dotnet", [LaglabProcess.CliPath, "forecast", scenario, "--calibration", file, "--horizon", "1m", "--out", directory.Path, "--json"], Limit, cancellationToken: Ct);

        Assert.True(forecast.ExitCode == 0, LoadTestCli.Describe(forecast));
        using var json = JsonDocument.Parse(forecast.StandardOutput);
        Assert.StartsWith(file, json.RootElement.GetProperty("calibration").GetString(), StringComparison.Ordinal);
        // Measured inputs are a point; only what the probe could not see (a lone member's rebalance) may be ranged over.
        if (json.RootElement.GetProperty("range") is { ValueKind: JsonValueKind.Object } range)
        {
            Assert.All(range.GetProperty("inputs").EnumerateArray(), i => Assert.Equal("rebalance_time", i.GetProperty("name").GetString()));
        }
        // The model's blocking consumer does 1 / (the measured per-call time).
        Assert.Equal(1 / calibration.Mechanisms.PerCall.Value, json.RootElement.GetProperty("capacity").GetProperty("callsPerInstance").GetDouble(), 3);
    }

    [Fact]
    public async Task Calibrate_ProbeLongerThanTwoMinutes_ExitsTwoNamingTheOption()
    {
        var result = await ProcessRunner.RunAsync("dotnet", [LaglabProcess.CliPath, "calibrate", "ci-fail", "--duration", "3m", "--live", "none"], Limit, cancellationToken: Ct);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--duration must be between 30s and 2m, got 3m", result.StandardError, StringComparison.Ordinal);
    }
}
