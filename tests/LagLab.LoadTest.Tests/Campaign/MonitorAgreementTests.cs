using LagLab.LoadTest.Campaign;
using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Tests.Campaign;

/// <summary>Invariant (c): each monitor point must lie within what the harness sampled one interval either side of it.</summary>
public sealed class MonitorAgreementTests
{
    private static readonly LagSample[] Harness =
    [
        Sample(0.0, 0), Sample(0.5, 100), Sample(1.0, 200), Sample(1.5, 300), Sample(2.0, 400), Sample(2.5, 500), Sample(3.0, 600),
    ];

    [Fact]
    public void Compare_MonitorWithinTheIntervalsRange_Passes()
    {
        var result = MonitorAgreement.Compare(Harness, [(1.0, 150), (2.0, 500), (2.9, 400)], interval: 1);

        Assert.Equal(InvariantStatus.Pass, result.Status);
    }

    [Fact]
    public void Compare_MonitorOutsideTheRange_FailsNamingTheWorstPoint()
    {
        var result = MonitorAgreement.Compare(Harness, [(1.0, 150), (1.0, 700), (2.0, 0)], interval: 1);

        Assert.Equal(InvariantStatus.Fail, result.Status);
        Assert.Contains("2 of 3", result.Detail, StringComparison.Ordinal);
        Assert.Contains("t=1 s: monitor 700, harness 0..400 (300 off)", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_MonitorReadTheCommitBeforeAndTheEndAfterACommit_Passes()
    {
        // Lag is a sawtooth: 50, then 10 right after a commit. A reader that took the committed offset before the
        // commit and the end offset after it saw 100, which no single harness sample shows, but both offsets did.
        LagSample[] harness = [new(0, [50], [50], [100], [0], "Stable", 1), new(0.5, [10], [140], [150], [0], "Stable", 1)];

        Assert.Equal(InvariantStatus.Pass, MonitorAgreement.Compare(harness, [(0.25, 100)], interval: 1).Status);
        Assert.Equal(InvariantStatus.Fail, MonitorAgreement.Compare(harness, [(0.25, 101)], interval: 1).Status);
    }

    [Fact]
    public void Compare_PartitionsWithoutACommit_LeftOutOnBothSides()
    {
        // The monitor does not count a partition with no committed offset; the harness counts it from the start.
        LagSample[] harness = [new(0, [10, 90], [5, -1], [15, 90], [0, 0], "Stable", 1), new(1, [10, 95], [5, -1], [15, 95], [0, 0], "Stable", 1)];

        Assert.Equal(InvariantStatus.Pass, MonitorAgreement.Compare(harness, [(0.5, 10)], interval: 1).Status);
        Assert.Equal(InvariantStatus.Fail, MonitorAgreement.Compare(harness, [(0.5, 100)], interval: 1).Status);
    }

    [Fact]
    public void Compare_MostMonitorPointsWithoutHarnessSamples_IsNotMeasured()
    {
        var result = MonitorAgreement.Compare([Sample(0, 0), Sample(10, 0)], [(3, 0), (4, 0), (5, 0)], interval: 1);

        Assert.Equal(InvariantStatus.NotMeasured, result.Status);
    }

    [Fact]
    public void Judge_NoMonitorFile_IsNotMeasured()
    {
        using var directory = new LagLab.Testing.TemporaryDirectory();

        Assert.Equal(InvariantStatus.NotMeasured, MonitorAgreement.Judge(null, directory.Path).Status);
    }

    private static LagSample Sample(double t, long lag) => new(t, [lag], [0], [lag], [0], "Stable", 1);
}
