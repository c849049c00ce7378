using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Results;
using LagLab.LoadTest.Tests.Fixtures;

namespace LagLab.LoadTest.Tests.Analysis;

public sealed class PauseDetectorTests
{
    private static LagSample Sample(double t, long committed, long lag) => new(t, [lag], [committed], [committed + lag], [0], "Stable", 1);

    [Fact]
    public void Detect_CommittedOffsetStillWithLag_ReportsOnePauseWithItsLength()
    {
        LagSample[] samples = [Sample(0, 0, 10), Sample(1, 5, 10), Sample(2, 5, 20), Sample(3, 5, 30), Sample(4, 5, 40), Sample(5, 9, 10), Sample(6, 12, 10)];

        var pauses = PauseDetector.Detect(samples, [], []);

        // One partition: its pause is also the whole group's.
        Assert.Equal(2, pauses.Count);
        Assert.Contains(pauses, p => p.Partition == PauseDetector.Group && p.T == 1 && p.Length == 4);
        var pause = pauses.Single(p => p.Partition == 0);
        // Last seen moving at t=1, first seen moving again at t=5.
        Assert.Equal(1, pause.T);
        Assert.Equal(4, pause.Length);
    }

    [Fact]
    public void Detect_StillWithoutLag_IsNotAPause()
    {
        LagSample[] samples = [Sample(0, 5, 0), Sample(1, 5, 0), Sample(2, 5, 0), Sample(3, 5, 0), Sample(4, 5, 0)];

        Assert.Empty(PauseDetector.Detect(samples, [], []));
    }

    [Fact]
    public void Detect_ShorterThanTheMinimum_IsTheCommitIntervalNotAPause()
    {
        LagSample[] samples = [Sample(0, 0, 10), Sample(1, 0, 10), Sample(1.5, 7, 10), Sample(2, 9, 10)];

        Assert.Empty(PauseDetector.Detect(samples, [], []));
    }

    [Fact]
    public void Detect_OnePartitionStillOtherMoving_IsNoGroupPause()
    {
        LagSample S(double t, long c0, long c1) => new(t, [10, 10], [c0, c1], [c0 + 10, c1 + 10], [0, 0], "Stable", 2);
        LagSample[] samples = [S(0, 0, 0), S(1, 0, 1), S(2, 0, 2), S(3, 0, 3), S(4, 1, 3), S(5, 1, 3), S(6, 1, 3), S(7, 2, 4)];

        var pauses = PauseDetector.Detect(samples, [], []);

        Assert.Contains(pauses, p => p.Partition == 0 && p.T == 0 && p.Length == 4);
        Assert.Contains(pauses, p => p.Partition == 1 && p.T == 3 && p.Length == 4);
        var group = Assert.Single(pauses, p => p.Partition == PauseDetector.Group);
        Assert.Equal(4, group.T);
        Assert.Equal(3, group.Length);
    }

    [Fact]
    public void Detect_PauseDuringAnAction_NamesTheActionAsCause()
    {
        var m = SampleRuns.Measurements();

        var pauses = PauseDetector.Detect(m.Samples, m.Actions, []);

        var pause = Assert.Single(pauses);
        Assert.Equal(0, pause.Partition);
        Assert.Equal(29, pause.T);
        Assert.Equal(6, pause.Length);
        Assert.Equal("rolling_deploy", pause.Cause);
    }
}
