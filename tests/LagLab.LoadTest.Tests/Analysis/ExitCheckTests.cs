using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Live;
using LagLab.LoadTest.Reporting;
using LagLab.LoadTest.Results;
using LagLab.LoadTest.Tests.Fixtures;

namespace LagLab.LoadTest.Tests.Analysis;

/// <summary>The always-on <c>unexpected exits</c> check: in every verdict, and no path says PASS when a part crashed.</summary>
public sealed class ExitCheckTests
{
    private static readonly UnexpectedExit Crash = new("pipeline", 0, "pipeline-0", 137, "SIGKILL", 12.5,
        new DateTimeOffset(2025, 1, 2, 3, 4, 17, TimeSpan.Zero), "left down (restart_policy: never)",
        ["info: consuming partition 0", "Unhandled exception. System.InvalidOperationException: boom"]);

    [Fact]
    public void Analyze_NothingExited_ShowsTheCheckFirstAsPassed()
    {
        var run = SampleRuns.Results();

        var check = run.Verdict[0];
        Assert.Equal("unexpected exits", check.Name);
        Assert.Equal("0", check.Target);
        Assert.Equal("0", check.Measured);
        Assert.True(check.Pass);
        Assert.Empty(run.UnexpectedExits);
    }

    [Fact]
    public void Analyze_OneCrashAndEverySloMet_FailsTheRun()
    {
        var run = PassingRun([Crash]);

        var check = run.Verdict.Single(v => v.Name == "unexpected exits");
        Assert.False(check.Pass);
        Assert.Equal("1", check.Measured);
        Assert.Contains("pipeline-0 SIGKILL (exit code 137) at 12.5s", check.Note, StringComparison.Ordinal);
        Assert.All(run.Verdict.Where(v => v.Name != "unexpected exits"), v => Assert.True(v.Pass, v.Name));
        Assert.False(run.Passed);
        Assert.Equal(1, run.Totals.UnexpectedExits);
    }

    [Fact]
    public void Analyze_SameRunWithoutTheCrash_Passes()
    {
        // The control for the test above: the fixture passes every SLO when nothing exits.
        Assert.True(PassingRun([]).Passed);
    }

    [Fact]
    public void Passed_ResultsWithAnExitButNoCheckRow_IsStillFalse()
    {
        var run = PassingRun([]) with { UnexpectedExits = [Crash] };

        Assert.False(run.Passed);
    }

    [Fact]
    public void Rejudge_ExitAfterTheAnalysis_FailsTheCheckOnce()
    {
        var run = PassingRun([]);

        var rejudged = ExitCheck.Rejudge(run, [Crash]);

        Assert.False(rejudged.Passed);
        Assert.Single(rejudged.Verdict, v => v.Name == "unexpected exits");
        Assert.False(rejudged.Verdict[0].Pass);
        Assert.Equal(1, rejudged.Totals.UnexpectedExits);
        Assert.Same(run, ExitCheck.Rejudge(run, []));
    }

    [Fact]
    public void Print_RunWithACrash_SaysFailNeverPass()
    {
        var run = PassingRun([Crash]);
        using var output = new StringWriter();

        VerdictPrinter.Print(output, [run], "report.html", LiveViewMode.Plain);

        var text = output.ToString();
        Assert.DoesNotContain("PASS", text, StringComparison.Ordinal);
        Assert.Contains("passing: FAIL", text, StringComparison.Ordinal);
        Assert.Matches(@"FAIL\s+unexpected exits\s+target 0\s+measured 1", text);
        Assert.Contains("unexpected exit: pipeline-0 SIGKILL", text, StringComparison.Ordinal);
        Assert.Contains("Unhandled exception", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RunWithACrash_HasAFailBadgeTheCheckAndTheLastLines()
    {
        var html = HtmlReport.Render(PassingRun([Crash]));

        Assert.Contains("<span class=\"badge fail\">FAIL</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("badge pass", html, StringComparison.Ordinal);
        Assert.Contains("<td>unexpected exits</td><td>0</td><td class=\"num\">1</td><td class=\"fail\">FAIL</td>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"unexpected-exits\"", html, StringComparison.Ordinal);
        Assert.Contains("Unhandled exception. System.InvalidOperationException: boom", html, StringComparison.Ordinal);
        Assert.Contains("href=\"logs/pipeline-0.log\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RunWithoutACrash_StillShowsTheCheck()
    {
        var html = HtmlReport.Render(PassingRun([]));

        Assert.Contains("<td>unexpected exits</td><td>0</td><td class=\"num\">0</td><td class=\"pass\">pass</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"unexpected-exits\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ResultsJson_ListsEachExitWithItsLastLines()
    {
        using var directory = new LagLab.Testing.TemporaryDirectory();
        ReportWriter.Write(PassingRun([Crash]), directory.Path);

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(directory.Path, ReportWriter.ResultsFile)));
        var exit = json.RootElement.GetProperty("unexpectedExits").EnumerateArray().Single();
        Assert.Equal("pipeline", exit.GetProperty("part").GetString());
        Assert.Equal(0, exit.GetProperty("instance").GetInt32());
        Assert.Equal(137, exit.GetProperty("exitCode").GetInt32());
        Assert.Equal("SIGKILL", exit.GetProperty("signal").GetString());
        Assert.Equal(12.5, exit.GetProperty("t").GetDouble());
        Assert.Equal(2, exit.GetProperty("lastLines").GetArrayLength());
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(1, json.RootElement.GetProperty("totals").GetProperty("unexpectedExits").GetInt32());
        var check = json.RootElement.GetProperty("verdict").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "unexpected exits");
        Assert.False(check.GetProperty("pass").GetBoolean());
        Assert.True(ReportWriter.ReadRun(Path.Combine(directory.Path, ReportWriter.ResultsFile)).UnexpectedExits.Count == 1);
    }

    [Fact]
    public void ReadRun_ResultsJsonFromBeforeTheCheck_HasNoExitsAndRenders()
    {
        var run = ReportWriter.ReadRun(Path.Combine(AppContext.BaseDirectory, "Fixtures", "recorded-ci-fail.json"));

        Assert.Empty(run.UnexpectedExits);
        Assert.False(run.Passed);
        Assert.Contains("<h2>Verdict</h2>", HtmlReport.Render(run), StringComparison.Ordinal);
    }

    /// <summary>The sample run with SLOs it meets, so only the exit check can fail it.</summary>
    private static RunResults PassingRun(IReadOnlyList<UnexpectedExit> exits)
    {
        var scenario = SampleRuns.Scenario(SampleRuns.IncidentLike.Replace("name: incident-like", "name: passing", StringComparison.Ordinal))
            with { Slos = new Scenarios.SloSpec { ZeroLost = false, ZeroDuplicates = true } };
        var m = SampleRuns.Measurements() with { UnexpectedExits = exits };
        return RunAnalysis.Analyze(scenario, m, null);
    }
}
