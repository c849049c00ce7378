namespace LagLab.Monitor.Analysis;

/// <summary>Least-squares slope of a value over time: robust to the saw-tooth of batched commits.</summary>
internal static class LinearTrend
{
    /// <summary>Slope per second of <paramref name="value"/> over the samples; 0 with fewer than two distinct times.</summary>
    public static double SlopePerSecond<T>(IReadOnlyList<T> samples, Func<T, DateTimeOffset> time, Func<T, double> value)
    {
        if (samples.Count < 2)
        {
            return 0;
        }
        var origin = time(samples[0]);
        double meanX = 0, meanY = 0;
        foreach (var s in samples)
        {
            meanX += (time(s) - origin).TotalSeconds;
            meanY += value(s);
        }
        meanX /= samples.Count;
        meanY /= samples.Count;
        double covariance = 0, variance = 0;
        foreach (var s in samples)
        {
            var dx = (time(s) - origin).TotalSeconds - meanX;
            covariance += dx * (value(s) - meanY);
            variance += dx * dx;
        }
        return variance > 0 ? covariance / variance : 0;
    }
}
