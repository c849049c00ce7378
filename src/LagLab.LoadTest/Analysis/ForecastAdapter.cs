using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Analysis;

/// <summary>The capacity model's forecast of a scenario beside the measured lag.</summary>
internal static class ForecastAdapter
{
    // TODO(loadtest): replace with LagLab.Forecast.Forecaster once it lands on main.
    public static ForecastComparison Compare(Scenario scenario, IReadOnlyList<LagSample> samples)
    {
        _ = scenario;
        var measured = samples.Count == 0 ? 0 : samples.Max(s => s.TotalLag);
        return new ForecastComparison([], [], 0, measured, 0, "", "the forecast model is not in this build");
    }
}
