namespace LagLab.Scenarios;

/// <summary>The bank's latency distribution: a log-normal through p50/p99, or an empirical histogram.</summary>
public sealed record LatencySpec
{
    public TimeSpan P50 { get; init; } = TimeSpan.FromMilliseconds(20);

    public TimeSpan P99 { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>When not empty, replaces p50/p99: latencies with relative weights.</summary>
    public IReadOnlyList<LatencyBucket> Histogram { get; init; } = [];

    /// <summary>z of the 99th percentile of the standard normal.</summary>
    public const double Z99 = 2.3263478740408408;

    /// <summary>Mean latency in seconds: what Little's law needs.</summary>
    public double MeanSeconds
    {
        get
        {
            if (Histogram.Count > 0)
            {
                var weight = Histogram.Sum(b => b.Weight);
                return Histogram.Sum(b => b.Latency.TotalSeconds * b.Weight) / weight;
            }
            // Log-normal: median e^mu, p99 e^(mu + z99 sigma), mean e^(mu + sigma^2 / 2).
            var mu = Math.Log(P50.TotalSeconds);
            var sigma = (Math.Log(P99.TotalSeconds) - mu) / Z99;
            return Math.Exp(mu + (sigma * sigma / 2));
        }
    }
}
