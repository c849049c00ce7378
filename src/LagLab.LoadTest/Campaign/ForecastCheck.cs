using System.Globalization;
using LagLab.Forecast;
using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Campaign;

/// <summary>
/// Invariant (d): the (calibrated) forecast of the run's highest group lag is within 15% of the measured one, or
/// within 200 events when the measured maximum is under 1,500 (a few hundred events of a small lag are noise, not
/// model error). The forecast runs here, in process, on the scenario with the calibration applied.
/// </summary>
internal static class ForecastCheck
{
    public const double TolerancePercent = 15;
    public const double SmallLag = 1_500;
    public const double SmallLagTolerance = 200;

    public static (InvariantResult Result, double? ErrorPercent, double? Forecast, double? Measured) Judge(Scenario scenario, RunResults? results, MachineCalibration? calibration)
    {
        if (results is null || results.Samples.Count == 0)
        {
            return (Result(InvariantStatus.NotMeasured, "no lag samples to compare with"), null, null, null);
        }
        double forecast;
        try
        {
            var modelled = calibration?.Apply(scenario) ?? scenario;
            forecast = Forecaster.Run(modelled, new ForecastOptions { Horizon = scenario.Producer.Duration, Recommend = false, MaxPoints = 200 }).MaxLag;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return (Result(InvariantStatus.Fail, $"the forecast failed: {ex.Message}"), null, null, null);
        }
        var measured = (double)results.Samples.Max(s => s.TotalLag);
        var error = Analysis.ForecastAdapter.ErrorPercent(forecast, measured);
        var within = Within(forecast, measured);
        var label = calibration is null ? "uncalibrated" : "calibrated";
        var detail = string.Create(CultureInfo.InvariantCulture, $"{label} forecast {forecast:0} vs measured {measured:0} ({error:+0.0;-0.0;0}%; tolerance {(measured < SmallLag ? $"±{SmallLagTolerance:0} events" : $"±{TolerancePercent:0}%")})");
        return (Result(within ? InvariantStatus.Pass : InvariantStatus.Fail, detail), error, forecast, measured);
    }

    public static bool Within(double forecast, double measured) =>
        measured < SmallLag
            ? Math.Abs(forecast - measured) <= SmallLagTolerance
            : Math.Abs(forecast - measured) <= measured * TolerancePercent / 100;

    private static InvariantResult Result(InvariantStatus status, string detail) => new(InvariantResult.ForecastWithinTolerance, status, detail);
}
