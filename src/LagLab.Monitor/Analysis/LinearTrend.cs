namespace LagLab.Monitor.Analysis;

/// <summary>Least-squares slope of a value over time: robust to the saw-tooth of batched commits. Indexed loops: no enumerator allocation on the hot path.</summary>
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
        for (var i = 0; i < samples.Count; i++)
        {
            meanX += (time(samples[i]) - origin).TotalSeconds;
            meanY += value(samples[i]);
        }
        meanX /= samples.Count;
        meanY /= samples.Count;
        double covariance = 0, variance = 0;
        for (var i = 0; i < samples.Count; i++)
        {
            var dx = (time(samples[i]) - origin).TotalSeconds - meanX;
            covariance += dx * (value(samples[i]) - meanY);
            variance += dx * dx;
        }
        return variance > 0 ? covariance / variance : 0;
    }
}
