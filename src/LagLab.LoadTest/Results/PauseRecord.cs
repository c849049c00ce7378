namespace LagLab.LoadTest.Results;

/// <summary>A partition whose committed offset did not move for <see cref="Length"/> seconds while it had lag.</summary>
public sealed record PauseRecord(int Partition, double T, double Length, string? Cause);
