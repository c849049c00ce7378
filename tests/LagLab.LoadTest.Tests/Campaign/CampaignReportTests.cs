using LagLab.LoadTest.Campaign;

namespace LagLab.LoadTest.Tests.Campaign;

/// <summary>The campaign's summary: pass rate, failures per invariant, forecast error percentiles, and a rerun command for every run that did not pass.</summary>
public sealed class CampaignReportTests
{
    [Fact]
    public void ForecastError_AbsolutePercentsByNearestRank()
    {
        var report = Report([Run(1, -10, 2_000), Run(2, 30, 2_000), Run(3, -50, 2_000), Run(4, null, null)]);

        Assert.Equal(new CampaignReport.ErrorStats(3, 30, 50, 50), report.ForecastError);
    }

    [Fact]
    public void Summary_NamesEveryRunThatDidNotPassWithItsCommand()
    {
        var report = Report([Run(1, 5, 2_000), Run(2, 5, 2_000, InvariantStatus.Fail), Run(3, 5, 2_000, InvariantStatus.NotMeasured)]);

        var text = CampaignSummary.Render(report);

        Assert.Contains("**1 PASS, 1 FAIL, 1 INCOMPLETE** (pass rate 33.3%)", text, StringComparison.Ordinal);
        Assert.Contains("| ledger exact | 1 | 1 | 1 |", text, StringComparison.Ordinal);
        Assert.DoesNotContain("`laglab campaign --seed 1 --count 1`", text, StringComparison.Ordinal);
        Assert.Contains("- seed 2 (FAIL): `laglab campaign --seed 2 --count 1`", text, StringComparison.Ordinal);
        Assert.Contains("- seed 3 (INCOMPLETE): `laglab campaign --seed 3 --count 1`", text, StringComparison.Ordinal);
    }

    private static CampaignReport Report(IReadOnlyList<CampaignRun> runs) => new()
    {
        Seed = 1,
        Count = runs.Count,
        Version = "test",
        Calibration = "uncalibrated",
        StartedAt = DateTimeOffset.UnixEpoch,
        Runs = runs,
    };

    private static CampaignRun Run(int seed, double? error, double? measured, InvariantStatus ledger = InvariantStatus.Pass) => new()
    {
        Index = seed - 1,
        Seed = seed,
        ScenarioFile = $"seed-{seed}.yaml",
        RunDirectory = $"runs/seed-{seed}",
        Description = "constant traffic",
        ExitCode = 0,
        WallSeconds = 70,
        Invariants = [new(InvariantResult.LedgerExact, ledger, "counts")],
        ForecastErrorPercent = error,
        MeasuredMaxLag = measured,
        ForecastMaxLag = measured * (1 + (error / 100)),
        Reproduce = $"laglab campaign --seed {seed} --count 1",
        ReproduceLoadTest = $"laglab loadtest seed-{seed}.yaml --seed {seed}",
    };
}
