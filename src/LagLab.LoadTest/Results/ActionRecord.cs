namespace LagLab.LoadTest.Results;

/// <summary>A timeline action as it happened: from <see cref="T"/> to <see cref="End"/> (seconds of the run); <see cref="Error"/> when it failed.</summary>
public sealed record ActionRecord(double T, double End, string Type, string Detail, string? Error);
