namespace LagLab.LoadTest.Results;

/// <summary>End-to-end delay of every applied event of the run, in seconds; exact percentiles (nearest rank).</summary>
public sealed record DelayStats(long Count, double Mean, double P50, double P90, double P99, double P999, double Max)
{
    public static DelayStats Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);
}
