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
    string? Error)
{
    /// <summary>
    /// What the forecast was made from, as the opening of a sentence ("From the scenario with the calibration ...",
    /// "From the scenario, uncalibrated ..."); empty: the scenario as written (the forecast from measured mechanisms).
    /// </summary>
    public string Basis { get; init; } = "";

    /// <summary>Uncalibrated: the lowest and highest maximum lag of the forecast's range (<see cref="ForecastMaxLag"/> is its midpoint).</summary>
    public double? RangeLow { get; init; }

    public double? RangeHigh { get; init; }
}
