using LagLab.LoadTest.Analysis;

namespace LagLab.LoadTest.Tests.Analysis;

public sealed class PercentilesTests
{
    [Fact]
    public void Stats_OneToHundred_AreTheNearestRanks()
    {
        var stats = Percentiles.Stats(Enumerable.Range(1, 100).Select(i => (double)i).Reverse());

        Assert.Equal(100, stats.Count);
        Assert.Equal(50, stats.P50);
        Assert.Equal(90, stats.P90);
        Assert.Equal(99, stats.P99);
        Assert.Equal(100, stats.P999);
        Assert.Equal(100, stats.Max);
        Assert.Equal(50.5, stats.Mean);
    }

    [Fact]
    public void Stats_Empty_IsAllZero() => Assert.Equal(0, Percentiles.Stats([]).Count);

    [Fact]
    public void Windows_GroupsByAppliedTime_AndLeavesEmptyWindowsOut()
    {
        (double, double)[] delays = [(0.5, 1), (4.9, 3), (12, 7)];

        var windows = Percentiles.Windows(delays, 5);

        Assert.Equal(2, windows.Count);
        Assert.Equal(5, windows[0].T);
        Assert.Equal(2, windows[0].Count);
        Assert.Equal(3, windows[0].Max);
        Assert.Equal(15, windows[1].T);
        Assert.Equal(7, windows[1].P99);
    }
}
