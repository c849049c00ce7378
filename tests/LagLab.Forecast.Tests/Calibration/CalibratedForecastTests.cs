using LagLab.Scenarios;

namespace LagLab.Forecast.Tests;

public sealed class CalibratedForecastTests
{
    private static readonly ForecastOptions OneHour = new() { Horizon = TimeSpan.FromHours(1), Recommend = false, MaxPoints = 100_000 };

    /// <summary>150/s into one blocking consumer at exactly 10 ms per bank call: capacity 1 / (10 ms + overhead).</summary>
    private static Scenario Blocking(TimeSpan? statedOverhead = null)
    {
        var s = TestScenarios.Constant(150, processing: ProcessingMode.Blocking);
        return s with { Fleet = s.Fleet with { CallOverhead = statedOverhead ?? TimeSpan.Zero } };
    }

    private static Scenarios.Calibration Measured(Scenario on, CalibratedMechanisms mechanisms) => new()
    {
        Measured = new CalibrationProvenance(DateTimeOffset.UnixEpoch, on.Name, "embedded", "local", "test", 90, "a test"),
        Topology = CalibrationTopology.Of(on),
        Mechanisms = mechanisms,
        Source = "test.calibration.yaml",
    };

    private static CalibratedMechanisms Overhead(double seconds) =>
        new(new MeasuredValue(1 / (0.01 + seconds)), 60, new MeasuredValue(0.01 + seconds), new MeasuredValue(seconds), null, null, null, null);

    [Fact]
    public void Run_WithCalibration_IsAPointFromTheMeasuredOverhead()
    {
        var s = Blocking();

        var r = Forecaster.Run(s, Measured(s, Overhead(0.010)), OneHour);

        Assert.Null(r.Range);
        Assert.Equal((150 - 50) * 3600, r.MaxLag, 3);
        Assert.StartsWith("test.calibration.yaml (measured 1970-01-01 00:00 UTC on test", r.Calibration, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithCalibration_IgnoresTheOverheadTheScenarioStates()
    {
        var s = Blocking(statedOverhead: TimeSpan.FromMilliseconds(50));

        var r = Forecaster.Run(s, Measured(s, Overhead(0.010)), OneHour);

        Assert.Equal((150 - 50) * 3600, r.MaxLag, 3);
    }

    [Fact]
    public void Run_WithoutCalibration_IsARangeOverTheDocumentedBounds_WithItsMidpoint()
    {
        var s = Blocking(statedOverhead: TimeSpan.FromMilliseconds(50));

        var r = Forecaster.Run(s, calibration: null, OneHour);

        Assert.Null(r.Calibration);
        var range = Assert.IsType<ForecastRange>(r.Range);
        var input = Assert.Single(range.Inputs);
        Assert.Equal(MechanismInput.CallOverhead, input.Input);
        Assert.Equal((0.0, 0.075), (input.Low, input.High));
        // 0 ms: 100/s; 75 ms: 1/85 ms; the midpoint 37.5 ms: 1/47.5 ms. The stated 50 ms is not used.
        Assert.Equal((150 - 100) * 3600, range.MaxLag.Min, 3);
        Assert.Equal((150 - (1 / 0.085)) * 3600, range.MaxLag.Max, 3);
        Assert.Equal((150 - (1 / 0.0475)) * 3600, range.MaxLag.Midpoint, 3);
        Assert.Equal(range.MaxLag.Midpoint, r.MaxLag, 3);
    }

    [Fact]
    public void Run_NothingUncalibratedMatters_IsAPointWithoutCalibration()
    {
        // 10/s against 100/s of capacity at any overhead in the bounds: no lag either way.
        var s = TestScenarios.Constant(10, processing: ProcessingMode.Blocking);

        var r = Forecaster.Run(s, calibration: null, OneHour);

        Assert.Null(r.Range);
    }

    [Fact]
    public void Run_CalibrationWithoutDeploys_RangesOnlyOverTheDeployInputs()
    {
        var s = Blocking() with { Actions = [new RollingDeployAction(TimeSpan.FromMinutes(10), null)] };

        var r = Forecaster.Run(s, Measured(s, Overhead(0.010)), OneHour);

        var range = Assert.IsType<ForecastRange>(r.Range);
        Assert.DoesNotContain(range.Inputs, b => b.Input == MechanismInput.CallOverhead);
        Assert.Contains(range.Inputs, b => b.Input == MechanismInput.RestartTime);
        Assert.True(range.MaxLag.Max > range.MaxLag.Min);
    }

    [Fact]
    public void Run_CalibrationOfAnotherTopology_IsWarnedAbout()
    {
        var s = Blocking();
        var other = s with { Fleet = s.Fleet with { Instances = 3 } };

        var r = Forecaster.Run(s, Measured(other, Overhead(0.010)), OneHour);

        Assert.Contains(r.CalibrationWarnings, w => w.StartsWith("fleet.instances: calibrated with 3, the scenario has 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("incident")]
    [InlineData("fixed")]
    [InlineData("ci-fail")]
    [InlineData("ci-pass")]
    public void BuiltIn_ItsShippedCalibration_LiesInsideTheUncalibratedRange(string name)
    {
        var s = ScenarioLoader.LoadBuiltIn(name);
        var options = new ForecastOptions { Horizon = s.Producer.Duration, Recommend = false };

        var uncalibrated = Forecaster.Run(s, calibration: null, options);
        var calibrated = Forecaster.Run(s, CalibrationFile.BuiltIn(name), options);

        Assert.NotNull(calibrated.Calibration);
        if (uncalibrated.Range is { } range)
        {
            Assert.InRange(calibrated.MaxLag, range.MaxLag.Min - 1e-6, range.MaxLag.Max + 1e-6);
        }
        else
        {
            Assert.Equal(uncalibrated.MaxLag, calibrated.MaxLag, 6);
        }
    }
}
