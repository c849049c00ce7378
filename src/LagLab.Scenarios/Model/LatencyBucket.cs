namespace LagLab.Scenarios;

/// <summary>One bar of an empirical latency histogram.</summary>
public sealed record LatencyBucket(TimeSpan Latency, double Weight);
