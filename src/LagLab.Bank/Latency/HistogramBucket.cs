namespace LagLab.Bank.Latency;

/// <summary>One bucket of an empirical latency histogram: latencies in (<see cref="Lower"/>, <see cref="Upper"/>], with a relative weight.</summary>
internal readonly record struct HistogramBucket(TimeSpan Lower, TimeSpan Upper, double Weight);
