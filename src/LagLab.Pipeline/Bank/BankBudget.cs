namespace LagLab.Pipeline.Bank;

/// <summary>
/// The client side of the bank's request budget. Calls are paced evenly at <c>rate x share</c>, where share is this
/// instance's part of the topic's partitions, so a fleet together stays under the bank's limit and the budget follows
/// every rebalance. A 429's Retry-After sets a "not before" time that holds every caller, including those already
/// waiting for a slot. Even pacing (no burst) keeps requests from arriving in clumps that the bank's bucket would refuse.
/// </summary>
internal sealed class BankBudget
{
    /// <summary>
    /// Share of the bank's limit the fleet paces at. Pacing at exactly the limit turns every late timer into a burst that
    /// the bank's bucket (already at its level) answers with 429s; 2 % below it keeps the bucket topped up.
    /// </summary>
    public const double PacingFactor = 0.98;

    /// <summary>The floor when the partition count is not known; with it known the floor is one partition's share.</summary>
    public const double MinimumRate = 1.0;

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly double _fleetRate;
    private double _share = 1.0;
    private int _total;
    private CancellationTokenSource _repace = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;

    public BankBudget(double fleetRatePerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(fleetRatePerSecond, 0);
        _fleetRate = fleetRatePerSecond;
        _time = time;
    }

    /// <summary>Calls per second this instance may make now.</summary>
    public double Rate
    {
        get
        {
            lock (_lock)
            {
                return EffectiveRate();
            }
        }
    }

    /// <summary>The Retry-After time in force, or null when calls may go.</summary>
    public DateTimeOffset? PausedUntil
    {
        get
        {
            lock (_lock)
            {
                return _notBefore > _time.GetUtcNow() ? _notBefore : null;
            }
        }
    }

    /// <summary>Re-splits the budget: this instance owns <paramref name="owned"/> of <paramref name="total"/> partitions.</summary>
    public void SetShare(int owned, int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(owned);
        CancellationTokenSource? replaced = null;
        lock (_lock)
        {
            var before = EffectiveRate();
            _share = total <= 0 ? 1.0 : Math.Clamp((double)owned / total, 0.0, 1.0);
            _total = Math.Max(0, total);
            if (EffectiveRate() != before)
            {
                // Slots already handed out were spaced at the old rate (at a tiny share, seconds apart): wake every
                // waiter to take a new slot at the new rate.
                _next = _time.GetUtcNow();
                replaced = _repace;
                _repace = new CancellationTokenSource();
            }
        }
        replaced?.Cancel();
        replaced?.Dispose();
    }

    /// <summary>The bank said "not before <paramref name="until"/>": every call waits until then. Earlier times are ignored.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until > _notBefore)
            {
                _notBefore = until;
            }
        }
    }

    /// <summary>Waits for this caller's slot; slots are handed out in call order, one every 1/rate seconds.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan delay;
            DateTimeOffset slot;
            TimeSpan interval;
            CancellationToken repace;
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                interval = TimeSpan.FromSeconds(1.0 / EffectiveRate());
                slot = Max(now, Max(_next, _notBefore));
                _next = slot + interval;
                delay = slot - now;
                repace = _repace.Token;
            }
            if (delay > TimeSpan.Zero)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, repace);
                try
                {
                    await Task.Delay(delay, _time, wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    continue; // the rate changed: take a new slot
                }
            }
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                // A Retry-After that arrived while we waited moves us behind it; take a new slot. So does waking up far
                // past our slot (a stalled timer or thread pool): every caller that overslept would otherwise go at
                // once, a burst the bank answers with 429s. The missed slots are dropped instead.
                if (_notBefore <= now && now - slot <= MaxLateness(interval))
                {
                    return;
                }
            }
        }
    }

    // An instance that owns nothing (yet) still gets one partition's worth, e.g. to replay its spool after a restart.
    private double EffectiveRate() => Math.Max(_total > 0 ? Math.Max(MinimumRate, _fleetRate / _total) : MinimumRate, _fleetRate * _share);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>
    /// How late past its slot a caller may still go (the client's burst tolerance): two intervals, and at least 50 ms,
    /// half of what the bank's default bucket holds (100 ms of its rate), so a fleet catching up after a short stall
    /// stays within the bank's burst.
    /// </summary>
    private static TimeSpan MaxLateness(TimeSpan interval) => TimeSpan.FromTicks(Math.Max(2 * interval.Ticks, TimeSpan.FromMilliseconds(50).Ticks));
}
