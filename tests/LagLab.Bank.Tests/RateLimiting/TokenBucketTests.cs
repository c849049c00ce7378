using LagLab.Bank.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Bank.Tests.RateLimiting;

public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TryAcquire_FullBucket_AdmitsExactlyTheBurst()
    {
        var bucket = new TokenBucket(200, 20, _time);

        var admitted = Enumerable.Range(0, 25).Count(i => bucket.TryAcquire(out _));

        Assert.Equal(20, admitted);
    }

    [Fact]
    public void TryAcquire_Empty_RetryAfterIsExactlyOneInterval()
    {
        var bucket = new TokenBucket(200, 1, _time);
        Assert.True(bucket.TryAcquire(out _));

        Assert.False(bucket.TryAcquire(out var retryAfter));

        Assert.Equal(TimeSpan.FromMilliseconds(5), retryAfter);
    }

    [Fact]
    public void TryAcquire_OneTickBeforeRetryAfter_RefusesThenAdmitsAtIt()
    {
        var bucket = new TokenBucket(200, 1, _time);
        bucket.TryAcquire(out _);
        bucket.TryAcquire(out var retryAfter);

        _time.Advance(retryAfter - TimeSpan.FromTicks(1));
        Assert.False(bucket.TryAcquire(out var remaining));
        Assert.Equal(TimeSpan.FromTicks(1), remaining);

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.True(bucket.TryAcquire(out _));
    }

    [Fact]
    public void TryAcquire_IntervalNotWholeTicks_RoundsRetryAfterUpAndAdmitsAtIt()
    {
        // 3/s: one token every 333.333... ms; rounding down would promise a token that does not exist yet.
        var bucket = new TokenBucket(3, 1, _time);
        bucket.TryAcquire(out _);

        bucket.TryAcquire(out var retryAfter);

        Assert.Equal(TimeSpan.FromTicks(3_333_334), retryAfter);
        _time.Advance(retryAfter);
        Assert.True(bucket.TryAcquire(out _));
    }

    [Fact]
    public void TryAcquire_LongIdle_RefillsOnlyUpToTheBurst()
    {
        var bucket = new TokenBucket(200, 5, _time);
        for (var i = 0; i < 5; i++)
        {
            bucket.TryAcquire(out _);
        }

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(5, Enumerable.Range(0, 10).Count(i => bucket.TryAcquire(out _)));
    }

    [Fact]
    public void TryAcquire_CalledEveryMillisecondForTenSeconds_AdmitsRateTimesSecondsPlusBurst()
    {
        var bucket = new TokenBucket(200, 20, _time);
        var admitted = 0;
        for (var ms = 0; ms < 10_000; ms++)
        {
            admitted += bucket.TryAcquire(out _) ? 1 : 0;
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        // 20 at start plus one every 5 ms for the 9.999 s of refill observed.
        Assert.Equal(20 + 1999, admitted);
    }

    [Fact]
    public void CurrentTokens_HalfAnIntervalAfterEmpty_IsHalfAToken()
    {
        var bucket = new TokenBucket(100, 1, _time);
        bucket.TryAcquire(out _);

        _time.Advance(TimeSpan.FromMilliseconds(5));

        Assert.Equal(0.5, bucket.CurrentTokens, 9);
    }

    [Fact]
    public void TryAcquire_FractionalRate_RefillsAtThatRate()
    {
        var bucket = new TokenBucket(0.5, 1, _time);
        bucket.TryAcquire(out _);

        Assert.False(bucket.TryAcquire(out var retryAfter));

        Assert.Equal(TimeSpan.FromSeconds(2), retryAfter);
    }

    [Theory]
    [InlineData(0.0009, 1)]
    [InlineData(10, 0)]
    public void Ctor_OutOfRange_Throws(double rate, int burst) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBucket(rate, burst, _time));
}
