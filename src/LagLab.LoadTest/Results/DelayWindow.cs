namespace LagLab.LoadTest.Results;

/// <summary>End-to-end delay (produced to applied at the bank) of the events applied in the window ending at <see cref="T"/>, in seconds.</summary>
public sealed record DelayWindow(double T, int Count, double P50, double P90, double P99, double Max);
