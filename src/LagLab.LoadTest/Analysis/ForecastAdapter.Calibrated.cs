using System.Globalization;
using LagLab.Forecast;
using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Analysis;

/// <summary>
/// The report's forecast made before the run could tell: from the scenario with a calibration (a point), or without
/// one (a range; its midpoint is compared and the range is reported beside it).
/// </summary>
internal static partial class ForecastAdapter
{
    public static ForecastComparison Compare(Scenario scenario, Scenarios.Calibration? calibration, IReadOnlyList<LagSample> samples)
    {
        var measured = samples.Count == 0 ? 0 : samples.Max(s => s.TotalLag);
        ForecastResult forecast;
        try
        {
            forecast = RunBounded(() => Forecaster.Run(scenario, calibration, new ForecastOptions { Horizon = scenario.Producer.Duration, Recommend = false, MaxPoints = 2000 }));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or TimeoutException)
        {
            return new ForecastComparison([], [], 0, measured, 0, "", $"the forecast failed: {ex.Message}");
        }
        // The curve and the capacity line come from the same model on the inputs the forecast used.
        var comparison = FromResult(forecast, measured);
        var ic = CultureInfo.InvariantCulture;
        var basis = calibration is null
            ? "From the scenario, uncalibrated (no --calibration)"
            : string.Create(ic, $"From the scenario with the calibration measured {calibration.Measured.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC on {calibration.Measured.Scenario}") + (forecast.Range is null ? "" : ", partly uncalibrated");
        return comparison with
        {
            Basis = basis,
            RangeLow = forecast.Range?.MaxLag.Min,
            RangeHigh = forecast.Range?.MaxLag.Max,
        };
    }
}
