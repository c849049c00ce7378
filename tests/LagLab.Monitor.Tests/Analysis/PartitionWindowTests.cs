using LagLab.Monitor.Analysis;

namespace LagLab.Monitor.Tests.Analysis;

public sealed class PartitionWindowTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PartitionSample At(double seconds, long? committed, long latest) => new(T0.AddSeconds(seconds), committed, latest);

    private static double[] Seconds(PartitionWindow window) => [.. window.Samples.ToArray().Select(s => (s.Time - T0).TotalSeconds)];

    [Fact]
    public void Add_BeyondTheWindow_KeepsOnlyTheLastWindowOfTime()
    {
        var window = new PartitionWindow(TimeSpan.FromSeconds(20));

        for (var t = 0; t <= 100; t += 5)
        {
            window.Add(At(t, t, t + 10));
        }

        Assert.Equal([80, 85, 90, 95, 100], Seconds(window));
    }

    [Fact]
    public void Add_SampleExactlyAtTheCutoff_IsKept()
    {
        var window = new PartitionWindow(TimeSpan.FromSeconds(10));
        window.Add(At(0, 0, 0));
        window.Add(At(10, 0, 0));

        Assert.Equal([0, 10], Seconds(window));
    }

    [Fact]
    public void Add_AfterALongGap_KeepsTheNewSampleAlone()
    {
        var window = new PartitionWindow(TimeSpan.FromSeconds(10));
        window.Add(At(0, 0, 5));
        window.Add(At(5, 1, 5));

        window.Add(At(1000, 2, 5));

        Assert.Equal([1000], Seconds(window));
    }

    [Fact]
    public void Add_OutOfOrderOrRepeatedTime_IsIgnored()
    {
        var window = new PartitionWindow(TimeSpan.FromSeconds(60));
        window.Add(At(10, 1, 5));

        window.Add(At(10, 2, 6));
        window.Add(At(5, 3, 7));

        var only = Assert.Single(window.Samples.ToArray());
        Assert.Equal(1, only.Committed);
    }

    [Fact]
    public void Add_LowerEndOffset_StartsOver()
    {
        var window = new PartitionWindow(TimeSpan.FromSeconds(60));
        window.Add(At(0, 100, 200));
        window.Add(At(5, 150, 250));

        window.Add(At(10, 0, 3));

        Assert.Equal([10], Seconds(window));
    }

    [Fact]
    public void Add_MoreThanMaxSamplesInsideTheWindow_KeepsTheNewestMax()
    {
        var window = new PartitionWindow(TimeSpan.FromDays(1));

        for (var t = 0; t < PartitionWindow.MaxSamples + 100; t++)
        {
            window.Add(At(t, t, t));
        }

        var samples = window.Samples;
        Assert.Equal(PartitionWindow.MaxSamples, samples.Length);
        Assert.Equal(100, samples[0].Committed);
        Assert.Equal(PartitionWindow.MaxSamples + 99, samples[^1].Committed);
        Assert.Equal(PartitionWindow.MaxSamples, window.Allocated);
    }

    [Fact]
    public void Add_SteadyState_ReusesItsArrayAndKeepsOrder()
    {
        // 11 samples live (50 s window, 5 s polls): the array settles at 12 slots and samples wrap to its front.
        var window = new PartitionWindow(TimeSpan.FromSeconds(50));
        for (var t = 0; t <= 1000; t += 5)
        {
            window.Add(At(t, t, t + 1));
            var samples = window.Samples.ToArray();
            Assert.Equal(Enumerable.Range(0, samples.Length).Select(i => (double)(t - (5 * (samples.Length - 1 - i)))), samples.Select(s => (s.Time - T0).TotalSeconds));
        }

        Assert.Equal(11, window.Samples.Length);
        Assert.Equal(12, window.Allocated);
    }

    [Fact]
    public void Samples_WithoutCommit_HaveNoLagAndCommittedLagIsNeverNegative()
    {
        var window = new PartitionWindow(TimeSpan.FromSeconds(60));
        window.Add(At(0, null, 10));
        window.Add(At(5, 12, 11));

        var samples = window.Samples;
        Assert.Null(samples[0].Committed);
        Assert.Null(samples[0].Lag);
        Assert.Equal(12, samples[1].Committed);
        Assert.Equal(0, samples[1].Lag);
    }
}
