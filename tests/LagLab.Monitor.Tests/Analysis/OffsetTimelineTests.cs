using LagLab.Monitor.Analysis;

namespace LagLab.Monitor.Tests.Analysis;

public sealed class OffsetTimelineTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    [Fact]
    public void Estimate_CommittedAtEndOffset_IsCaughtUpZero()
    {
        var timeline = new OffsetTimeline(10);
        timeline.Record(100, At(0));

        var lag = timeline.Estimate(100, At(30));

        Assert.Equal(TimeLag.CaughtUp, lag);
    }

    [Fact]
    public void Estimate_SteadyProduction_PlacesRecordLinearlyBetweenSamples()
    {
        // 10 records/s sampled every 5 s: records 50..99 appeared in (5 s, 10 s].
        var timeline = new OffsetTimeline(10);
        timeline.Record(0, At(0));
        timeline.Record(50, At(5));
        timeline.Record(100, At(10));

        var lag = timeline.Estimate(60, At(10));

        Assert.Equal(TimeLagMethod.Interpolated, lag.Method);
        Assert.Equal(10 - (5 + (11.0 / 50 * 5)), lag.Seconds, 9);
    }

    [Fact]
    public void Estimate_IdleProducer_LagGrowsOneSecondPerSecond()
    {
        var timeline = new OffsetTimeline(10);
        timeline.Record(0, At(0));
        timeline.Record(100, At(10));
        var before = timeline.Estimate(50, At(10)).Seconds;
        for (var t = 15; t <= 600; t += 5)
        {
            timeline.Record(100, At(t));
        }

        var after = timeline.Estimate(50, At(600));

        Assert.Equal(TimeLagMethod.Interpolated, after.Method);
        Assert.Equal(before + 590, after.Seconds, 9);
        Assert.Equal(2, timeline.Count);
    }

    [Fact]
    public void Estimate_BurstAfterIdle_IsDatedWithinThePollThatSawIt()
    {
        var timeline = new OffsetTimeline(10);
        timeline.Record(0, At(0));
        timeline.Record(100, At(10));
        for (var t = 15; t <= 600; t += 5)
        {
            timeline.Record(100, At(t));
        }
        timeline.Record(200, At(605)); // the burst was produced between 600 s and 605 s

        var lag = timeline.Estimate(150, At(605));

        Assert.InRange(lag.Seconds, 0, 5);
    }

    [Fact]
    public void Estimate_CommittedOlderThanWindow_IsLowerBoundNotExtrapolation()
    {
        var timeline = new OffsetTimeline(3);
        for (var i = 0; i <= 10; i++)
        {
            timeline.Record(1000 + (i * 10), At(i * 5));
        }

        var lag = timeline.Estimate(5, At(50));

        Assert.Equal(TimeLagMethod.LowerBound, lag.Method);
        Assert.Equal(50 - 40, lag.Seconds, 9); // oldest kept point was first seen at 40 s
    }

    [Fact]
    public void Estimate_SingleFlatPoint_IsFiniteLowerBound()
    {
        var timeline = new OffsetTimeline(10);
        timeline.Record(500, At(0));
        timeline.Record(500, At(5));
        timeline.Record(500, At(10));

        var lag = timeline.Estimate(100, At(10));

        Assert.Equal(TimeLagMethod.LowerBound, lag.Method);
        Assert.True(double.IsFinite(lag.Seconds));
        Assert.Equal(10, lag.Seconds, 9);
    }

    [Fact]
    public void Estimate_NoSamples_IsUnknown()
    {
        Assert.Equal(TimeLagMethod.Unknown, new OffsetTimeline(10).Estimate(0, At(0)).Method);
    }

    [Fact]
    public void Record_LowerEndOffset_StartsOver()
    {
        var timeline = new OffsetTimeline(10);
        timeline.Record(0, At(0));
        timeline.Record(1000, At(5));

        timeline.Record(10, At(10)); // topic recreated

        Assert.Equal(1, timeline.Count);
        Assert.Equal(TimeLagMethod.LowerBound, timeline.Estimate(5, At(10)).Method);
    }

    [Fact]
    public void Record_TimeNotAfterNewest_IsIgnored()
    {
        var timeline = new OffsetTimeline(10);
        timeline.Record(0, At(10));

        timeline.Record(50, At(5));

        Assert.Equal(1, timeline.Count);
    }

    [Fact]
    public void Record_BeyondCapacity_KeepsNewestPoints()
    {
        var timeline = new OffsetTimeline(4);
        for (var i = 0; i < 100; i++)
        {
            timeline.Record(i * 10, At(i));
        }

        Assert.Equal(4, timeline.Count);
        Assert.Equal(99 - 96, timeline.Estimate(5, At(99)).Seconds, 9);
    }

    [Fact]
    public void Estimate_VaryingRate_StaysWithinOnePollInterval()
    {
        // Records produced at known times with a rate that changes every few seconds; sampled every 5 s.
        var produced = new List<double>();
        var t = 0.0;
        var random = new Random(7);
        while (t < 300)
        {
            var rate = 1 + random.Next(0, 50);
            t += 1.0 / rate;
            produced.Add(t);
        }
        var timeline = new OffsetTimeline(720);
        for (var poll = 0.0; poll <= 300; poll += 5)
        {
            timeline.Record(produced.Count(p => p <= poll), At(poll));
        }

        for (var committed = 0; committed < produced.Count(p => p <= 300); committed += 97)
        {
            var trueAge = 300 - produced[committed];
            var estimate = timeline.Estimate(committed, At(300));
            Assert.InRange(estimate.Seconds, trueAge - 5, trueAge + 5);
        }
    }

    [Fact]
    public void Record_ManyPoints_GrowsToCapacityThenDropsTheOldest()
    {
        var timeline = new OffsetTimeline(10);
        Assert.Equal(4, timeline.Allocated);
        for (var i = 0; i < 5; i++)
        {
            timeline.Record(i * 10, At(i));
        }
        Assert.Equal(8, timeline.Allocated);

        for (var i = 5; i < 25; i++)
        {
            timeline.Record(i * 10, At(i));
        }

        Assert.Equal(10, timeline.Allocated);
        Assert.Equal(10, timeline.Count);
        // points 150..240 remain: a record before them is only bounded from below, one inside is interpolated
        Assert.Equal(new TimeLag(25 - 15, TimeLagMethod.LowerBound), timeline.Estimate(100, At(25)));
        Assert.Equal(new TimeLag(25 - 16, TimeLagMethod.Interpolated), timeline.Estimate(159, At(25)));
    }

    [Fact]
    public void Estimate_ResetThenGrowth_UsesOnlyTheNewPointsInOrder()
    {
        // A lower end offset (topic recreated) starts over; the ring then grows twice past its first size.
        var timeline = new OffsetTimeline(16);
        for (var i = 0; i < 4; i++)
        {
            timeline.Record(1000 + i, At(i));
        }
        timeline.Record(0, At(10));
        for (var i = 1; i < 9; i++)
        {
            timeline.Record(i * 100, At(10 + i));
        }

        Assert.Equal(9, timeline.Count);
        Assert.Equal(new TimeLag(20 - 15, TimeLagMethod.Interpolated), timeline.Estimate(499, At(20)));
        Assert.Equal(new TimeLag(20 - 10, TimeLagMethod.LowerBound), timeline.Estimate(-1, At(20)));
    }
}
