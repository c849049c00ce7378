using System.Text.Json;
using LagLab.Scenarios;
using LagLab.Testing;

namespace LagLab.Forecast.Tests.Cli;

/// <summary>`laglab forecast` as users run it: a real process of the built CLI.</summary>
public sealed class ForecastCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<ProcessRunner.Result> Forecast(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [LaglabProcess.CliPath, "forecast", .. arguments], Timeout, cancellationToken: Ct);

    [Fact]
    public async Task Forecast_BuiltIn_PrintsTheTablesAndWritesChartAndJson()
    {
        using var dir = new TemporaryDirectory();
        var calibration = Path.Combine(dir.Path, "ci-fail.calibration.yaml");
        await File.WriteAllTextAsync(calibration, CalibrationFile.Write(CiFailCalibration(overheadSeconds: 0.008)), Ct);

        var result = await Forecast("ci-fail", "--horizon", "40s", "--out", dir.Path, "--calibration", calibration);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("calibrated: ", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("UNCALIBRATED", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("max lag", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("smallest change keeping the backlog under 1,000", result.StandardOutput, StringComparison.Ordinal);
        var png = await File.ReadAllBytesAsync(Path.Combine(dir.Path, "forecast.png"), Ct);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir.Path, "forecast.json"), Ct));
        // 150/s into a consumer doing 1 / (20 ms + the calibration's 8 ms call_overhead) = 35.7/s for 40 s.
        Assert.Equal((150 - (1 / 0.028)) * 40, json.RootElement.GetProperty("maxLag").GetDouble(), 3);
        Assert.StartsWith(calibration, json.RootElement.GetProperty("calibration").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("range").ValueKind);
    }

    [Fact]
    public async Task Forecast_WithoutCalibration_SaysSoAndPrintsARange()
    {
        using var dir = new TemporaryDirectory();

        var result = await Forecast("ci-fail", "--horizon", "40s", "--out", dir.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("UNCALIBRATED", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("call_overhead", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("midpoint", result.StandardOutput, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir.Path, "forecast.json"), Ct));
        var range = json.RootElement.GetProperty("range");
        var maxLag = range.GetProperty("maxLag");
        // 0 to 75 ms of overhead on 20 ms calls: 50/s down to 1/95 ms.
        Assert.Equal((150 - 50) * 40, maxLag.GetProperty("min").GetDouble(), 3);
        Assert.Equal((150 - (1 / 0.095)) * 40, maxLag.GetProperty("max").GetDouble(), 3);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("calibration").ValueKind);
    }

    [Fact]
    public async Task Forecast_BadCalibration_ExitsTwoNamingFileLineAndField()
    {
        using var dir = new TemporaryDirectory();
        var calibration = Path.Combine(dir.Path, "bad.calibration.yaml");
        var text = CalibrationFile.Write(CiFailCalibration(0.008)).Replace("  call_overhead: { value: 8ms", "  call_overhead: { value: 8", StringComparison.Ordinal);
        await File.WriteAllTextAsync(calibration, text, Ct);

        var result = await Forecast("ci-fail", "--calibration", calibration, "--out", dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{calibration}:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(": mechanisms.call_overhead.value: missing unit in duration \"8\"", result.StandardError, StringComparison.Ordinal);
    }

    private static Calibration CiFailCalibration(double overheadSeconds)
    {
        var scenario = Scenarios.ScenarioLoader.LoadBuiltIn("ci-fail");
        return new Calibration
        {
            Measured = new CalibrationProvenance(DateTimeOffset.UnixEpoch, "ci-fail", "embedded", "local", "test", 50, "written by the test"),
            Topology = CalibrationTopology.Of(scenario),
            Mechanisms = new CalibratedMechanisms(null, 0, null, new MeasuredValue(overheadSeconds), null, null, null, null),
        };
    }

    [Fact]
    public async Task Forecast_Json_PrintsOnlyJson()
    {
        using var dir = new TemporaryDirectory();

        var result = await Forecast("ci-pass", "--horizon", "1m", "--out", dir.Path, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("ci-pass", json.RootElement.GetProperty("scenario").GetString());
        Assert.Equal(60, json.RootElement.GetProperty("horizon").GetDouble());
    }

    [Fact]
    public async Task Forecast_InvalidScenario_ExitsTwoWithLineColumnAndField()
    {
        using var dir = new TemporaryDirectory();
        var file = Path.Combine(dir.Path, "bad.yaml");
        await File.WriteAllTextAsync(file, "producer:\n  rate: 100\n  duration: 1m\ntopic:\n  partitons: 3\n", Ct);

        var result = await Forecast(file, "--out", dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file}:5:3: topic.partitons: unknown field \"partitons\" (did you mean \"partitions\"?)", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "forecast.png")));
    }

    [Theory]
    [InlineData("--horizon", "5x", "--horizon: unknown unit \"x\"")]
    [InlineData("--horizon", "0", "--horizon must be between 1s and 10 years")]
    [InlineData("--target-lag", "-1", "--target-lag must be above 0")]
    public async Task Forecast_BadOption_ExitsTwoNamingTheOption(string option, string value, string message)
    {
        var result = await Forecast("incident", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_UnknownScenario_ListsTheBuiltIns()
    {
        var result = await Forecast("incidnet");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("built-in: ci-fail, ci-pass, fixed, incident", result.StandardError, StringComparison.Ordinal);
    }
}
