using LagLab.Testing;

namespace LagLab.Cli.Tests;

/// <summary>
/// Regression: System.CommandLine's parse errors exited 1 (which <c>laglab loadtest</c> documents as "an SLO was
/// violated") after a page of help, and <c>loadtest --compare A</c> aborted the process (134). Every usage error is exit
/// code 2 and one line naming what is wrong.
/// </summary>
public sealed class UsageErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("laglab: Required command was not provided.")]
    [InlineData("Unrecognized command or argument 'bogus'.", "bogus")]
    [InlineData("laglab bank: Unrecognized command or argument '--bogus'.", "bank", "--bogus")]
    [InlineData("'--rate-limit'", "bank", "--rate-limit", "abc")]
    [InlineData("'--listen'", "bank", "--listen")]
    [InlineData("'--interval'", "monitor", "--interval")]
    [InlineData("Option '--bank-url' is required.", "pipeline", "--bootstrap-servers", "127.0.0.1:1")]
    [InlineData("'--concurrency'", "pipeline", "--bootstrap-servers", "127.0.0.1:1", "--bank-url", "http://127.0.0.1:1", "--concurrency", "many")]
    [InlineData("'--count'", "produce", "--bootstrap-servers", "127.0.0.1:1", "--topic", "t", "--rate", "1", "--count", "1.5")]
    [InlineData("laglab forecast: Required argument missing for command: 'forecast'.", "forecast")]
    [InlineData("'--target-lag'", "forecast", "ci-pass", "--target-lag", "lots")]
    [InlineData("laglab loadtest: give one of: a SCENARIO, --compare A B, or --from-results FILE.", "loadtest")]
    [InlineData("--compare needs two scenarios (--compare A B), got 1.", "loadtest", "--compare", "ci-pass")]
    [InlineData("'--seed'", "demo", "--seed", "x")]
    public async Task Cli_UsageError_ExitsTwoWithOneLineNamingIt(string message, params string[] arguments)
    {
        var result = await LaglabProcess.RunAsync(arguments, Ct);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.EndsWith("--help'.", line, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }
}
