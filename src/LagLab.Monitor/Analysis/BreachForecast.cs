namespace LagLab.Monitor.Analysis;

/// <summary>Seconds until some partition's lag passes <see cref="Threshold"/> at its current growth (0: already; null: not heading there).</summary>
public sealed record BreachForecast(double Threshold, double? Seconds);
