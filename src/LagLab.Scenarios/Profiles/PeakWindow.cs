namespace LagLab.Scenarios.Profiles;

/// <summary>A window within each period, in seconds from the start of the period.</summary>
public sealed record PeakWindow(double Start, double End, double Rate);
