using System.Net;
using System.Text.RegularExpressions;
using LagLab.Testing;

namespace LagLab.Bank.Tests.Cli;

/// <summary>`laglab bank` as users run it: a real process of the built CLI.</summary>
public sealed partial class BankCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex ReadyLine();

    [Theory]
    [InlineData("--outage", "30s", "--outage '30s' must be AT:DURATION")]
    [InlineData("--latency-p50", "20", "--latency-p50 '20' is not a duration")]
    [InlineData("--rate-limit", "-5", "--rate-limit must be between 0")]
    [InlineData("--listen", "nowhere", "--listen must be HOST:PORT")]
    [InlineData("--error-rate", "1.5", "--error-rate must be between 0 and 1")]
    public async Task Bank_BadOption_ExitsTwoNamingTheOption(string option, string value, string message)
    {
        OptionsAssert.RejectedByCli(await LaglabProcess.RunAsync(["bank", option, value], Ct), message);
    }

    [Fact]
    public async Task Bank_HistogramWithPercentiles_ExitsTwo()
    {
        var result = await LaglabProcess.RunAsync(["bank", "--latency-histogram", "h.txt", "--latency-p99", "1s"], Ct);

        OptionsAssert.RejectedByCli(result, "--latency-histogram cannot be combined");
    }

    [Fact]
    public async Task Bank_Running_ServesAndExitsZeroOnSigterm()
    {
        // Regression: System.CommandLine's own SIGTERM handler blocked ShutdownSignal, so every command died with 143.
        await using var bank = LaglabProcess.Start("bank", "--listen", "127.0.0.1:0", "--rate-limit", "50", "--latency-p50", "1ms", "--latency-p99", "2ms");
        var ready = await bank.WaitForLineAsync("laglab bank ready", TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = new Uri(ReadyLine().Match(ready).Groups[1].Value) };

        using var health = await client.GetAsync("healthz", Ct);
        var exitCode = await bank.TerminateAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(0, exitCode);
        Assert.Contains(bank.Lines, l => l.Contains("Bank stopped", StringComparison.Ordinal));
    }
}
