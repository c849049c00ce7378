using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Live;
using LagLab.LoadTest.Reporting;
using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest;

/// <summary>
/// <c>laglab loadtest</c> and <c>laglab demo</c> as a library: run one scenario, or two side by side, with the live
/// view, then write the report and print the verdict.
/// </summary>
public static class LoadTestHarness
{
    public static async Task<LoadTestOutcome> RunAsync(Scenario scenario, LoadTestOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        options.Validate();
        var directory = Path.GetFullPath(options.OutputDirectory);
        var run = new ScenarioRun(scenario, options, directory);
        var work = run.RunAsync(cancellationToken);
        await LiveView.ShowAsync([run.Recorder], work, options.LiveView, output);
        RunResults results;
        try
        {
            results = await work;
        }
        catch (Exception ex) when (IsRunFailure(ex, cancellationToken))
        {
            return Fail(output, scenario.Name, ex);
        }
        var report = ReportWriter.Write(results, directory);
        VerdictPrinter.Print(output, [results], report, options.LiveView);
        return new LoadTestOutcome(results.Passed ? LoadTestOutcome.Passed : LoadTestOutcome.SloViolated, report, [(results.Scenario, results.Passed)], null);
    }

    /// <summary>Both scenarios at once, each with its own broker, bank, monitor and fleet; one comparison report.</summary>
    public static async Task<LoadTestOutcome> CompareAsync(Scenario a, Scenario b, LoadTestOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        options.Validate();
        if (options.BankListen is not null)
        {
            throw new ArgumentException("--bank-listen cannot be used with --compare: each run has its own bank.");
        }
        var directory = Path.GetFullPath(options.OutputDirectory);
        var (nameA, nameB) = a.Name == b.Name ? (a.Name + "-a", b.Name + "-b") : (a.Name, b.Name);
        var runA = new ScenarioRun(a, options, Path.Combine(directory, Safe(nameA)));
        var runB = new ScenarioRun(b, options with { Seed = options.Seed + 1 }, Path.Combine(directory, Safe(nameB)));
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workA = CancelOthersOnFailure(runA.RunAsync(failFast.Token), failFast);
        var workB = CancelOthersOnFailure(runB.RunAsync(failFast.Token), failFast);
        var both = Task.WhenAll(workA, workB);
        await LiveView.ShowAsync([runA.Recorder, runB.Recorder], both, options.LiveView, output);
        RunResults resultsA, resultsB;
        try
        {
            await both;
            (resultsA, resultsB) = (await workA, await workB);
        }
        catch (Exception ex) when (IsRunFailure(ex, cancellationToken))
        {
            var first = new[] { workA, workB }.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException) ?? ex;
            return Fail(output, $"{a.Name} vs {b.Name}", first);
        }
        ReportWriter.Write(resultsA, runA.Directory);
        ReportWriter.Write(resultsB, runB.Directory);
        var comparison = new ComparisonResults(resultsA, resultsB, Narrative.Compare(resultsA, resultsB));
        var report = ReportWriter.Write(comparison, directory);
        VerdictPrinter.Print(output, [resultsA, resultsB], report, options.LiveView);
        VerdictPrinter.Explain(output, comparison.Explanations);
        var passed = resultsA.Passed && resultsB.Passed;
        return new LoadTestOutcome(passed ? LoadTestOutcome.Passed : LoadTestOutcome.SloViolated, report,
            [(resultsA.Scenario, resultsA.Passed), (resultsB.Scenario, resultsB.Passed)], null);
    }

    /// <summary>Writes report.html, results.json and lag.csv again from a recorded results.json, without running anything.</summary>
    public static LoadTestOutcome Rewrite(string resultsPath, string outputDirectory, TextWriter output)
    {
        try
        {
            var (report, passed) = ReportWriter.Rewrite(resultsPath, Path.GetFullPath(outputDirectory));
            output.WriteLine($"report: {report}");
            return new LoadTestOutcome(passed ? LoadTestOutcome.Passed : LoadTestOutcome.SloViolated, report, [], null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
        {
            output.WriteLine($"laglab loadtest: cannot read {resultsPath}: {ex.Message}");
            return new LoadTestOutcome(LoadTestOutcome.Failed, null, [], ex.Message);
        }
    }

    private static async Task<RunResults> CancelOthersOnFailure(Task<RunResults> run, CancellationTokenSource others)
    {
        try
        {
            return await run;
        }
        catch
        {
            await others.CancelAsync();
            throw;
        }
    }

    /// <summary>Anything but the user's own cancellation ends the run with exit code 2 and a message, not a stack trace.</summary>
    private static bool IsRunFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    private static LoadTestOutcome Fail(TextWriter output, string what, Exception ex)
    {
        output.WriteLine($"laglab loadtest: {what} could not run: {ex.Message}");
        output.Flush();
        return new LoadTestOutcome(LoadTestOutcome.Failed, null, [], ex.Message);
    }

    private static string Safe(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
}
