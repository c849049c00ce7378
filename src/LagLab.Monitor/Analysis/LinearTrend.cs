namespace LagLab.Monitor.Analysis;

/// <summary>Least-squares slope of lag over time: robust to the saw-tooth of batched commits. Span loops: no allocation on the hot path.</summary>
internal static class LinearTrend
{
    /// <summary>Slope per second of the samples' lag (0 without a committed offset); 0 with fewer than two distinct times.</summary>
    public static double LagSlopePerSecond(ReadOnlySpan<PartitionSample> samples)
    {
        if (samples.Length < 2)
        {
            return 0;
        }
        var origin = samples[0].Ticks;
        double meanX = 0, meanY = 0;
        foreach (var sample in samples)
        {
            meanX += Seconds(sample.Ticks - origin);
            meanY += sample.Lag ?? 0;
        }
        meanX /= samples.Length;
        meanY /= samples.Length;
        double covariance = 0, variance = 0;
        foreach (var sample in samples)
        {
            var dx = Seconds(sample.Ticks - origin) - meanX;
            covariance += dx * ((sample.Lag ?? 0) - meanY);
            variance += dx * dx;
        }
        return variance > 0 ? covariance / variance : 0;
    }

    private static double Seconds(long ticks) => TimeSpan.FromTicks(ticks).TotalSeconds;
}
