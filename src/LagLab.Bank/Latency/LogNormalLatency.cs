namespace LagLab.Bank.Latency;

/// <summary>
/// A lognormal fitted to a median and a 99th percentile: <c>ln X ~ N(μ, σ²)</c> with <c>μ = ln p50</c> and
/// <c>σ = (ln p99 − ln p50) / z₀.₉₉</c>. Draws are capped at 10 × p99 so one draw cannot hold a request for minutes
/// (that cuts off less than 1e-5 of the mass for any realistic spread).
/// </summary>
internal sealed class LogNormalLatency : ILatencyModel
{
    /// <summary>The standard normal's 0.99 quantile.</summary>
    internal const double Z99 = 2.3263478740408408;

    private readonly double _mu;
    private readonly double _sigma;
    private readonly double _capSeconds;
    private readonly TimeSpan _p50;
    private readonly TimeSpan _p99;

    public LogNormalLatency(TimeSpan p50, TimeSpan p99)
    {
        if (p50 < TimeSpan.Zero || p99 < p50 || (p50 == TimeSpan.Zero && p99 > TimeSpan.Zero))
        {
            throw new ArgumentException($"A lognormal needs 0 < p50 <= p99 (or both 0), got p50 {p50}, p99 {p99}.");
        }
        _p50 = p50;
        _p99 = p99;
        if (p50 > TimeSpan.Zero)
        {
            _mu = Math.Log(p50.TotalSeconds);
            _sigma = (Math.Log(p99.TotalSeconds) - _mu) / Z99;
        }
        _capSeconds = 10 * p99.TotalSeconds;
    }

    public TimeSpan Sample(Random random)
    {
        if (_p50 == TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        if (_sigma == 0)
        {
            return _p50;
        }
        var seconds = Math.Min(Math.Exp(_mu + (_sigma * StandardNormal(random))), _capSeconds);
        return TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }

    public string Describe() => $"lognormal p50 {BankDuration.Format(_p50)} p99 {BankDuration.Format(_p99)}";

    /// <summary>Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].</summary>
    private static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
