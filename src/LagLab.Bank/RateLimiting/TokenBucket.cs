namespace LagLab.Bank.RateLimiting;

/// <summary>
/// An exact token bucket on <see cref="TimeProvider"/> timestamps: refills continuously at the rate, holds at most
/// the burst, and says precisely when the next token will exist.
/// </summary>
/// <remarks>
/// Credit is kept as an integer in units where one token is <c>TimestampFrequency × 1000</c> and every elapsed
/// timestamp unit adds the rate in milli-requests/s, so refill has no rounding at all (Int128 keeps it from
/// overflowing). System.Threading.RateLimiting's TokenBucketRateLimiter refills in periodic steps instead, which makes
/// both the admitted pattern and its RetryAfter coarser than the limit a real bank enforces.
/// </remarks>
internal sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly long _rateMilli;
    private readonly Int128 _unitsPerToken;
    private readonly Int128 _capacity;
    private readonly Lock _lock = new();
    private Int128 _credit;
    private long _last;

    public TokenBucket(double ratePerSecond, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ratePerSecond, 0.001);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _time = time;
        _rateMilli = (long)Math.Round(ratePerSecond * 1000);
        _unitsPerToken = (Int128)time.TimestampFrequency * 1000;
        _capacity = _unitsPerToken * burst;
        _credit = _capacity;
        _last = time.GetTimestamp();
        Burst = burst;
    }

    public int Burst { get; }

    public double RatePerSecond => _rateMilli / 1000.0;

    /// <summary>Takes one token if there is one; otherwise says how long until there will be, rounded up to a tick.</summary>
    public bool TryAcquire(out TimeSpan retryAfter)
    {
        lock (_lock)
        {
            Refill();
            if (_credit >= _unitsPerToken)
            {
                _credit -= _unitsPerToken;
                retryAfter = TimeSpan.Zero;
                return true;
            }
            var missing = _unitsPerToken - _credit;
            var timestampUnits = CeilDiv(missing, _rateMilli);
            retryAfter = TimeSpan.FromTicks((long)CeilDiv(timestampUnits * TimeSpan.TicksPerSecond, _time.TimestampFrequency));
            return false;
        }
    }

    /// <summary>Tokens available now (fractional), for the gauge.</summary>
    public double CurrentTokens
    {
        get
        {
            lock (_lock)
            {
                Refill();
                return (double)_credit / (double)_unitsPerToken;
            }
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = now - _last;
        _last = now;
        if (elapsed <= 0)
        {
            return;
        }
        var refilled = _credit + (Int128)elapsed * _rateMilli;
        _credit = refilled > _capacity ? _capacity : refilled;
    }

    private static Int128 CeilDiv(Int128 numerator, Int128 denominator) => (numerator + denominator - 1) / denominator;
}
