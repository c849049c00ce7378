namespace LagLab.Forecast;

/// <summary>
/// What an uncalibrated forecast says instead of a point: the model run with every uncalibrated mechanism input at the
/// low end of its plausible bounds, at the high end, and at the midpoint (<see cref="Inputs"/> says which and why).
/// Times are seconds: drains and breaches in wall time, breaches (<c>FiresAt</c>) in scenario time; a breach that
/// does not happen within the horizon counts as the horizon.
/// </summary>
public sealed record ForecastRange(
    IReadOnlyList<InputBound> Inputs,
    ValueRange MaxLag,
    ValueRange MaxPartitionLag,
    ValueRange MaxTimeLag,
    ValueRange EndBacklog,
    ValueRange? LongestDrain,
    ValueRange? WarningFiresAt,
    ValueRange? CriticalFiresAt);
