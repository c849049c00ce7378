using LagLab.Scenarios;

namespace LagLab.Forecast;

/// <summary>When a lag alert (any partition above <see cref="Threshold"/> for <see cref="For"/>) first fires; null: never within the horizon.</summary>
public sealed record AlertForecast(AlertSeverity Severity, long Threshold, TimeSpan For, TimeSpan? FirstAbove, TimeSpan? FiresAt, TimeSpan LongestAbove);
