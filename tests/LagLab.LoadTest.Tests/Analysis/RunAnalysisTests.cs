using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Results;
using LagLab.LoadTest.Tests.Fixtures;

namespace LagLab.LoadTest.Tests.Analysis;

public sealed class RunAnalysisTests
{
    [Fact]
    public void Analyze_KnownMeasurements_GivesTheirTotals()
    {
        var run = SampleRuns.Results();

        Assert.Equal(12_000, run.Totals.Produced);
        Assert.Equal(9_600, run.Totals.Applied);
        var last = run.Samples[^1];
        Assert.Equal(last.TotalLag, run.Totals.Pending);
        Assert.Equal(Math.Max(0, 12_000 - 9_600 - last.TotalLag), run.Totals.Lost);
        Assert.Equal(run.Samples.Max(s => s.TotalLag), run.Totals.MaxLag);
        Assert.Equal(100, run.Totals.MeanProducedRate);
        Assert.Equal(80, run.Totals.MeanAppliedRate);
        Assert.Equal(100, run.Totals.PeakProducedRate, 6);
        Assert.Equal(1, run.Totals.Rebalances);
        Assert.Equal(6, run.Totals.LongestPause);
        Assert.Equal("warning", run.Totals.HighestAlert);
        Assert.Equal(14, run.Totals.PeakCpuPercent);
        Assert.Equal(1000, run.Delay.Count);
        Assert.Equal(9.9, run.Delay.P99, 6);
    }

    [Fact]
    public void Analyze_SloTargets_AreJudgedOnTheTotals()
    {
        var run = SampleRuns.Results();

        Assert.False(run.Verdict.Single(v => v.Name == "max lag").Pass);
        Assert.True(run.Verdict.Single(v => v.Name == "highest alert").Pass);
        Assert.True(run.Verdict.Single(v => v.Name == "p99 end-to-end delay").Pass);
        Assert.False(run.Passed);
    }

    [Fact]
    public void Analyze_MonitorAbsent_JudgesAlertsFromTheHarnessAndSaysSo()
    {
        var scenario = SampleRuns.Scenario(SampleRuns.IncidentLike);
        var m = SampleRuns.Measurements() with { MonitorRan = false, MonitorAlerts = [] };

        var run = RunAnalysis.Analyze(scenario, m, null);

        Assert.Equal("harness", run.AlertSource);
        Assert.Contains(run.Notes, n => n.Contains("monitor did not run", StringComparison.Ordinal));
        // Lag per partition passes 500 (never 2,000) for longer than 5m (0.2 s of wall time) in the fixture.
        Assert.Equal("warning", run.Totals.HighestAlert);
        Assert.Contains(run.Alerts, a => a.Source == "harness" && a.Severity == "warning" && a.FiredAt is not null);
    }

    [Fact]
    public void PeakRate_BurstInOneWindow_IsTheBurstRate()
    {
        RateSample R(double t, long produced) => new(t, produced, 0, 0, 0, 0, 0, 0, 0);
        RateSample[] rates = [R(0, 0), R(10, 100), R(20, 1100), R(30, 1200)];

        Assert.Equal(100, RunAnalysis.PeakRate(rates, r => r.Produced, 10));
    }

    [Fact]
    public void RateSeries_ConstantCounter_IsItsSlope()
    {
        var rates = Enumerable.Range(0, 20).Select(t => new RateSample(t, 7L * t, 0, 0, 0, 0, 0, 0, 0)).ToList();

        Assert.All(RunAnalysis.RateSeries(rates, r => r.Produced, 5), p => Assert.Equal(7, p.Rate, 6));
    }
}
