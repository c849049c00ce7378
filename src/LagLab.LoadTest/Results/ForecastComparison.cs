namespace LagLab.LoadTest.Results;

/// <summary>
/// The capacity model's lag curve for the run (<c>LagLab.Forecast</c>, from the scenario alone) beside the
/// measurement. <see cref="ErrorPercent"/> is (forecast max − measured max) / measured max × 100.
/// </summary>
public sealed record ForecastComparison(
    IReadOnlyList<double> Times,
    IReadOnlyList<double> Lag,
    double ForecastMaxLag,
    double MeasuredMaxLag,
    double ErrorPercent,
    string Capacity,
    string? Error);
