namespace LagLab.LoadTest.Results;

/// <summary>
/// One look at the consumer group, <see cref="T"/> seconds after the traffic started. Arrays are per partition;
/// a committed offset of -1 means none yet (the partition's lag then counts from where the run started).
/// </summary>
public sealed record LagSample(double T, long[] Lag, long[] Committed, long[] End, double[] TimeLag, string State, int Members)
{
    public long TotalLag => Lag.Sum();

    public long MaxPartitionLag => Lag.Length == 0 ? 0 : Lag.Max();

    public double MaxTimeLag => TimeLag.Length == 0 ? 0 : TimeLag.Max();
}
