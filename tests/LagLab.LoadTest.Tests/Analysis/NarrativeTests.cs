using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Results;
using LagLab.LoadTest.Tests.Fixtures;

namespace LagLab.LoadTest.Tests.Analysis;

public sealed class NarrativeTests
{
    [Fact]
    public void Findings_QuoteTheMeasuredNumbers()
    {
        var run = SampleRuns.Results();

        var findings = string.Join("\n", Narrative.Findings(run));

        Assert.Contains($"Lag peaked at {run.Totals.MaxLag:N0} events", findings, StringComparison.Ordinal);
        Assert.Contains("Peak inflow was 100/s; the bank applied at most 80/s", findings, StringComparison.Ordinal);
        Assert.Contains("1 rolling deploy (range (eager))", findings, StringComparison.Ordinal);
        Assert.Contains("12,000 events produced, 9,600 applied, ", findings, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_GrowingAgainstDraining_ExplainsGrowthWithInflowAndBankRate()
    {
        var growing = SampleRuns.Results("incident");
        var draining = growing with
        {
            Scenario = "fixed",
            Samples = [.. growing.Samples.Select(s => s with { Lag = [.. s.Lag.Select(l => Math.Min(l, 50))] })],
        };
        draining = draining with { Totals = draining.Totals with { MaxLag = 100 } };

        var lines = Narrative.Compare(draining, growing);

        var growth = lines[0];
        Assert.StartsWith("incident's lag grew by about", growth, StringComparison.Ordinal);
        Assert.Contains("the bank applied at most 80/s while peak inflow was 100/s", growth, StringComparison.Ordinal);
        Assert.Contains("fixed's lag rose at peak (up to 100) and drained off-peak every day", growth, StringComparison.Ordinal);
        var deploys = Assert.Single(lines, l => l.StartsWith("Deploys stopped incident's whole group 0s each", StringComparison.Ordinal));
        Assert.Contains("single partitions waited up to 6s", deploys, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_HighAtMidnightButEmptyEachMorning_IsDrainingNotGrowing()
    {
        // Regression: the fixed scenario peaks late and drains after midnight; its end-of-day lag is high every day.
        var run = SampleRuns.Results();
        run = run with
        {
            Samples = [.. Enumerable.Range(0, 121).Select(t => new LagSample(t, [t % 60 < 30 ? 0 : 5000 + (t * 10)], [0], [0], [0], "Stable", 1))],
        };

        var findings = Narrative.Findings(run);

        Assert.Contains(findings, f => f.Contains("it drained off-peak every day (lowest of each day: 0, 0)", StringComparison.Ordinal));
    }

    [Fact]
    public void When_CompressedDays_IsDayAndClock()
    {
        var run = SampleRuns.Results();

        // 90 s of a run with 60 s days is day 2, 12:00.
        Assert.Equal("day 2 12:00 (t=90 s)", Narrative.When(run, 90));
    }
}
