using System.Globalization;
using LagLab.Forecast;
using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Analysis;

/// <summary>
/// The capacity model's forecast (<c>LagLab.Forecast</c>, from the scenario alone, over the run's duration) beside
/// the measured lag. The error is taken on the maximum group lag, relative to the measured maximum.
/// </summary>
internal static class ForecastAdapter
{
    public static ForecastComparison Compare(Scenario scenario, IReadOnlyList<LagSample> samples)
    {
        var measured = samples.Count == 0 ? 0 : samples.Max(s => s.TotalLag);
        ForecastResult forecast;
        try
        {
            forecast = Forecaster.Run(scenario, new ForecastOptions { Horizon = scenario.Producer.Duration, Recommend = false, MaxPoints = 2000 });
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return new ForecastComparison([], [], 0, measured, 0, "", $"the forecast failed: {ex.Message}");
        }
        var c = forecast.Capacity;
        var capacity = string.Create(CultureInfo.InvariantCulture,
            $"Capacity model: {c.Sustainable:0.#}/s sustainable ({c.Bottleneck}); saturated {c.Saturated:0.#}/s with {c.ActiveConsumers} active consumers at {c.MeanLatency.TotalMilliseconds:0.#} ms mean bank latency; a rolling deploy stops the whole group {c.DeployGroupPause.TotalSeconds:0.#} s and one partition up to {c.DeployLongestPartitionPause.TotalSeconds:0.#} s.");
        return new ForecastComparison(
            [.. forecast.Points.Select(p => Math.Round(p.WallTime.TotalSeconds, 3))],
            [.. forecast.Points.Select(p => Math.Round(p.Lag, 1))],
            forecast.MaxLag,
            measured,
            ErrorPercent(forecast.MaxLag, measured),
            capacity,
            null);
    }

    /// <summary>(forecast − measured) / measured × 100; against a measured 0, the forecast itself counts (as lag of 1 event).</summary>
    public static double ErrorPercent(double forecast, double measured) =>
        Math.Round((forecast - measured) / Math.Max(measured, 1) * 100, 1);
}
