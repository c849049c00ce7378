using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Reporting;
using LagLab.LoadTest.Results;
using LagLab.LoadTest.Tests.Fixtures;
using LagLab.Testing;

namespace LagLab.LoadTest.Tests.Reporting;

public sealed class ReportTests
{
    /// <summary>A results.json recorded from a real run of scenarios/ci-fail.yaml (the harness end to end).</summary>
    private static string RecordedFixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "recorded-ci-fail.json");

    public static TheoryData<string> Fixtures() => ["recorded", "synthetic"];

    private static RunResults Load(string fixture) =>
        fixture == "recorded" ? ReportWriter.ReadRun(RecordedFixture) : SampleRuns.Results();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Report_OpenedInChromium_HasNoErrorsAndEveryChart(string fixture)
    {
        using var directory = new TemporaryDirectory();
        var run = Load(fixture);
        var report = ReportWriter.Write(run, directory.Path);
        await using var chromium = await Chromium.StartAsync();

        var page = await chromium.OpenAsync(report);

        Assert.Empty(chromium.Errors);
        foreach (var chart in RunCharts.Names)
        {
            var figure = page.Locator($"figure[data-chart=\"{chart}\"]");
            Assert.Equal(1, await figure.CountAsync());
            Assert.Equal(1, await figure.Locator("svg").CountAsync());
            // A chart draws its series, or says on its frame why there is nothing to draw ("no alert fired").
            var drawn = await figure.Locator("svg path").CountAsync() > 2;
            var explained = ((await figure.Locator("svg").TextContentAsync()) ?? "").TrimStart().StartsWith("no ", StringComparison.Ordinal);
            Assert.True(drawn || explained, $"chart {chart} draws nothing and does not say why");
            var box = await figure.Locator("svg").BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 100 }, $"chart {chart} is not visible");
        }
        Assert.Equal(run.Verdict.Count + 1, await page.Locator("#verdict tr").CountAsync());
        Assert.Equal(run.Passed ? "PASS" : "FAIL", await page.Locator("h1 .badge").InnerTextAsync());
        Assert.Contains(run.Totals.MaxLag.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#findings").InnerTextAsync(), StringComparison.Ordinal);
        // Both forecasts: the recorded ci-fail run and the synthetic one each have the second.
        Assert.NotNull(run.MeasuredForecast);
        Assert.Equal(1, await page.Locator("p.forecast-error.measured").CountAsync());
        Assert.Equal(3, await page.Locator("table.forecasts tr td:first-child").CountAsync());
    }

    [Fact]
    public async Task ComparisonReport_OpenedInChromium_HasBothRunsAndTheComparisonCharts()
    {
        using var directory = new TemporaryDirectory();
        var a = SampleRuns.Results("incident");
        var b = ReportWriter.ReadRun(RecordedFixture);
        var report = ReportWriter.Write(new ComparisonResults(a, b, Narrative.Compare(a, b)), directory.Path);
        await using var chromium = await Chromium.StartAsync();

        var page = await chromium.OpenAsync(report);

        Assert.Empty(chromium.Errors);
        foreach (var chart in CompareCharts.Names.Concat(RunCharts.Names.Select(n => "a-" + n)).Concat(RunCharts.Names.Select(n => "b-" + n)))
        {
            var figure = page.Locator($"figure[data-chart=\"{chart}\"]");
            Assert.Equal(1, await figure.Locator("svg").CountAsync());
            var drawn = await figure.Locator("svg path").CountAsync() > 2;
            var explained = ((await figure.Locator("svg").TextContentAsync()) ?? "").TrimStart().StartsWith("no ", StringComparison.Ordinal);
            Assert.True(drawn || explained, $"chart {chart} draws nothing and does not say why");
        }
        Assert.Equal(2, await page.Locator("h1 .badge").CountAsync());
        Assert.True(await page.Locator("#explanations li").CountAsync() >= 5);
    }

    [Fact]
    public void Write_ResultsJson_RoundTrips()
    {
        using var directory = new TemporaryDirectory();
        var run = SampleRuns.Results();

        ReportWriter.Write(run, directory.Path);
        var read = ReportWriter.ReadRun(Path.Combine(directory.Path, ReportWriter.ResultsFile));

        Assert.Equal(run.Totals, read.Totals);
        Assert.Equal(run.Verdict, read.Verdict);
        Assert.Equal(run.Samples.Count, read.Samples.Count);
        Assert.Equal(run.Samples[50].Lag, read.Samples[50].Lag);
        Assert.Equal(run.Forecast!.Lag, read.Forecast!.Lag);
        Assert.Equal(run.MeasuredForecast!.Lag, read.MeasuredForecast!.Lag);
        Assert.Equal(run.Mechanisms!.RestartSeconds, read.Mechanisms!.RestartSeconds);
        Assert.Equal(run.Mechanisms.DeployReplays, read.Mechanisms.DeployReplays);
    }

    [Fact]
    public void Write_LagCsv_HasOneRowPerSampleAndPartition()
    {
        using var directory = new TemporaryDirectory();
        var run = SampleRuns.Results();

        ReportWriter.Write(run, directory.Path);
        var lines = File.ReadAllLines(Path.Combine(directory.Path, ReportWriter.LagFile));

        Assert.Equal(LagCsv.Header, lines[0]);
        Assert.Equal(1 + (run.Samples.Count * 2), lines.Length);
        var sample = run.Samples[10];
        Assert.Equal($"incident-like,10,14400,1,{sample.Committed[1]},{sample.End[1]},{sample.Lag[1]},{sample.TimeLag[1]},Stable,2", lines[1 + 20 + 1]);
    }
}
