using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Tests.Analysis;

public sealed class SloJudgeTests
{
    private static readonly DelayStats Delay = new(100, 1, 1, 2, 3, 4, 5);

    [Fact]
    public void Judge_AtTheTarget_Passes()
    {
        var slos = new SloSpec { MaxLag = 1000, MaxTimeLag = TimeSpan.FromSeconds(10), P99EndToEnd = TimeSpan.FromSeconds(3), MaxAlert = AlertSeverity.Warning };
        var totals = new RunTotals { MaxLag = 1000, MaxTimeLag = 10, HighestAlert = "warning" };

        var verdict = SloJudge.Judge(slos, totals, Delay, "monitor");

        Assert.Equal(6, verdict.Count);
        Assert.All(verdict, v => Assert.True(v.Pass, v.Name));
    }

    [Fact]
    public void Judge_OneAboveEachTarget_FailsEach()
    {
        var slos = new SloSpec { MaxLag = 1000, MaxTimeLag = TimeSpan.FromSeconds(10), P99EndToEnd = TimeSpan.FromSeconds(2.9), MaxAlert = AlertSeverity.None };
        var totals = new RunTotals { MaxLag = 1001, MaxTimeLag = 10.5, HighestAlert = "warning", Lost = 1, DoublyApplied = 2 };

        var verdict = SloJudge.Judge(slos, totals, Delay, "monitor");

        Assert.All(verdict, v => Assert.False(v.Pass, v.Name));
        Assert.Equal("1,001", verdict.Single(v => v.Name == "max lag").Measured);
    }

    [Fact]
    public void Judge_DelayTargetWithNothingApplied_FailsAsNotMeasured()
    {
        var verdict = SloJudge.Judge(new SloSpec { P99EndToEnd = TimeSpan.FromSeconds(1), ZeroLost = false, ZeroDuplicates = false }, new RunTotals(), DelayStats.Empty, "monitor");

        var slo = Assert.Single(verdict);
        Assert.False(slo.Pass);
        Assert.Equal("not measured", slo.Measured);
    }

    [Fact]
    public void Judge_ResentButAppliedOnce_IsNotDoublyApplied()
    {
        var verdict = SloJudge.Judge(new SloSpec { ZeroLost = false }, new RunTotals { Duplicates = 9 }, Delay, "monitor");

        var slo = Assert.Single(verdict);
        Assert.True(slo.Pass);
        Assert.Contains("9 re-sent requests were refused", slo.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NoTargets_JudgesOnlyLossAndDuplicates()
    {
        var verdict = SloJudge.Judge(new SloSpec(), new RunTotals(), Delay, "monitor");

        Assert.Equal(["lost events", "doubly applied events"], verdict.Select(v => v.Name));
    }
}
