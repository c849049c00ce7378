using LagLab.Scenarios.Profiles;

namespace LagLab.Scenarios.Tests.Profiles;

public sealed class RateProfileTests
{
    /// <summary>Midpoint-rule integral with many slices: an independent check of the closed forms.</summary>
    private static double Numeric(RateProfile p, double a, double b, int slices = 200_000)
    {
        var h = (b - a) / slices;
        double sum = 0;
        for (var i = 0; i < slices; i++)
        {
            sum += p.RateAt(a + ((i + 0.5) * h));
        }
        return sum * h;
    }

    /// <summary>The midpoint rule misses a little at each jump; 10 ppm is far below any real error.</summary>
    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-5 * Math.Abs(expected), $"expected {expected}, got {actual}");

    [Fact]
    public void Constant_Integral_IsRateTimesTime()
    {
        var p = new ConstantRate(150);

        Assert.Equal(150 * 40, p.Integral(10, 50), 9);
        Assert.True(double.IsPositiveInfinity(p.NextChange(0)));
    }

    [Fact]
    public void Ramp_RateAndIntegral_FollowTheLine()
    {
        var p = new RampRate(from: 50, to: 250, start: 10, over: 100);

        Assert.Equal(50, p.RateAt(5));
        Assert.Equal(150, p.RateAt(60), 9);
        Assert.Equal(250, p.RateAt(500));
        // 10 s at 50, the ramp's mean 150 for 100 s, then 90 s at 250.
        Assert.Equal((10 * 50) + (100 * 150) + (90 * 250), p.Integral(0, 200), 6);
        Close(Numeric(p, 37, 133), p.Integral(37, 133));
        Assert.Equal(10, p.NextChange(0));
        Assert.Equal(110, p.NextChange(10));
    }

    [Fact]
    public void Diurnal_PeaksAtPeakAt_AndAveragesTheMidpointOverAPeriod()
    {
        var p = new DiurnalRate(min: 100, max: 260, period: 86400, peakAt: 14 * 3600);

        Assert.Equal(260, p.RateAt(14 * 3600), 9);
        Assert.Equal(100, p.RateAt(2 * 3600), 9);
        Assert.Equal(180 * 86400, p.Integral(5000, 5000 + 86400), 3);
        Close(Numeric(p, 1234, 50_000), p.Integral(1234, 50_000));
    }

    [Fact]
    public void Peaks_WindowsRepeatEveryPeriod()
    {
        var p = new PeakWindowsRate(100, 3600, [new PeakWindow(600, 1200, 300), new PeakWindow(1800, 2400, 250)]);

        Assert.Equal(100, p.RateAt(0));
        Assert.Equal(300, p.RateAt(700));
        Assert.Equal(250, p.RateAt(3600 + 2000));
        Assert.Equal(100, p.RateAt(1200));
        Assert.Equal((3600 * 100) + (600 * 200) + (600 * 150), p.Integral(0, 3600), 6);
        Close(Numeric(p, 500, 9000), p.Integral(500, 9000));
        Assert.Equal(600, p.NextChange(0));
        Assert.Equal(1200, p.NextChange(600));
        Assert.Equal(3600 + 600, p.NextChange(2400));
        Assert.Equal(300, p.Peak);
    }

    [Fact]
    public void Replay_HoldsEachRowUntilTheNext_AndLoops()
    {
        var p = new ReplayRate([(0, 10), (60, 40), (90, 20)], loopPeriod: 120, file: "r.csv");

        Assert.Equal(10, p.RateAt(30));
        Assert.Equal(40, p.RateAt(60));
        Assert.Equal(20, p.RateAt(100));
        Assert.Equal(10, p.RateAt(130));
        var onePeriod = (60 * 10) + (30 * 40) + (30 * 20);
        Assert.Equal(onePeriod, p.Integral(0, 120), 9);
        Assert.Equal(3 * onePeriod, p.Integral(0, 360), 9);
        Close(Numeric(p, 45, 300), p.Integral(45, 300));
        Assert.Equal(120 + 60, p.NextChange(125));
    }

    [Fact]
    public void Replay_WithoutLoop_HoldsTheLastRate()
    {
        var p = new ReplayRate([(0, 10), (60, 40)], loopPeriod: null, file: "r.csv");

        Assert.Equal(40, p.RateAt(10_000));
        Assert.Equal((60 * 10) + (40 * 40), p.Integral(0, 100), 9);
        Assert.True(double.IsPositiveInfinity(p.NextChange(70)));
    }

    [Fact]
    public void Scaled_CompressesPeriods_NotRates()
    {
        var inner = new DiurnalRate(100, 260, 86400, 14 * 3600);
        var wall = new ScaledRateProfile(inner, factor: 480); // a day in 180 s

        Assert.Equal(260, wall.RateAt(14 * 3600 / 480.0), 9);
        Assert.Equal(180 * 180, wall.Integral(0, 180), 3);
        Assert.Equal(inner.SmoothStep(0) / 480, wall.SmoothStep(0), 12);
        Assert.Equal(inner.Peak, wall.Peak);
    }
}
