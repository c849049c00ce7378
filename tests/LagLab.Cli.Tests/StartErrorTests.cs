using LagLab.Testing;

namespace LagLab.Cli.Tests;

/// <summary>
/// Regression: each of these escaped as an unhandled exception (a stack trace, exit 1) instead of a named error. Each is
/// now exit code 2 and a line naming the option at fault, with no stack trace anywhere in the output.
/// </summary>
public sealed class StartErrorTests
{
    /// <summary>TEST-NET-1 (RFC 5737): never an address of this machine.</summary>
    private const string NotLocal = "192.0.2.1:0";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("-X: No such configuration property: \"bogus.key\"", "monitor", "--bootstrap-servers", "127.0.0.1:1", "-X", "bogus.key=1")]
    [InlineData("-X: No such configuration property: \"bogus.key\"", "pipeline", "--bootstrap-servers", "127.0.0.1:1", "--bank-url", "http://127.0.0.1:1", "-X", "bogus.key=1")]
    [InlineData("-X: No such configuration property: \"bogus.key\"", "produce", "--bootstrap-servers", "127.0.0.1:1", "--topic", "t", "--rate", "1", "--count", "1", "-X", "bogus.key=1")]
    [InlineData("-X: Invalid value for configuration property \"session.timeout.ms\"", "monitor", "--bootstrap-servers", "127.0.0.1:1", "-X", "session.timeout.ms=abc")]
    [InlineData("-X: Invalid value for configuration property \"session.timeout.ms\"", "pipeline", "--bootstrap-servers", "127.0.0.1:1", "--bank-url", "http://127.0.0.1:1", "-X", "session.timeout.ms=abc")]
    [InlineData("--interval: '100000000000h' is not a duration", "monitor", "--bootstrap-servers", "127.0.0.1:1", "--interval", "100000000000h")]
    [InlineData("--listen 192.0.2.1:0: cannot listen there", "monitor", "--bootstrap-servers", "127.0.0.1:1", "--listen", NotLocal)]
    [InlineData("--listen 192.0.2.1:0: cannot listen there", "bank", "--listen", NotLocal)]
    [InlineData("--metrics-listen 192.0.2.1:0: cannot listen there", "pipeline", "--bootstrap-servers", "127.0.0.1:1", "--bank-url", "http://127.0.0.1:1", "--metrics-listen", NotLocal)]
    [InlineData("--profile '/proc/self/mem': cannot read the file", "produce", "--bootstrap-servers", "127.0.0.1:1", "--topic", "t", "--profile", "/proc/self/mem")]
    public async Task Command_BadStart_ExitsTwoNamingTheOptionWithoutStackTrace(string message, params string[] arguments)
    {
        var result = await LaglabProcess.RunAsync(arguments, Ct);

        AssertNamedError(result, message);
    }

    [Fact]
    public async Task Forecast_OutIsAFile_ExitsTwoNamingOut()
    {
        using var directory = new TemporaryDirectory();
        var file = Path.Combine(directory.Path, "not-a-directory");
        await File.WriteAllTextAsync(file, "x", Ct);

        var result = await LaglabProcess.RunAsync(["forecast", "ci-pass", "--horizon", "1m", "--out", file], Ct);

        AssertNamedError(result, $"--out '{file}': cannot use it as the output directory");
    }

    internal static void AssertNamedError(ProcessRunner.Result result, string message)
    {
        var output = result.StandardOutput + result.StandardError;
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }
}
