namespace LagLab.Forecast;

/// <summary>One point of the lag curve. Times are given in scenario time and in wall time of the run.</summary>
public sealed record ForecastPoint(
    TimeSpan ScenarioTime,
    TimeSpan WallTime,
    double Lag,
    double MaxPartitionLag,
    double Spool,
    double Inflow,
    double Capacity,
    TimeSpan TimeLag);
