using System.Text.RegularExpressions;
using LagLab.Testing;

namespace LagLab.Monitor.Tests.Cli;

/// <summary>`laglab monitor` as users run it: a real process of the built CLI.</summary>
public sealed partial class MonitorCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"laglab monitor ready: (http://\S+)")]
    private static partial Regex ReadyLine();

    [Theory]
    [InlineData("--interval", "5", "--interval: '5' is not a duration")]
    [InlineData("--listen", "nowhere", "--listen must be host:port")]
    [InlineData("--groups", "(", "--groups: '(' is not a valid regular expression")]
    [InlineData("--webhook", "not a url", "--webhook: 'not a url' is not an absolute URL")]
    [InlineData("--time-lag-mode", "precise", "--time-lag-mode: 'precise' is not estimate, auto or exact")]
    [InlineData("-X", "sasl.password", "-X expects key=value, got '***'")]
    public async Task Monitor_BadOption_ExitsTwoNamingTheOption(string option, string value, string message)
    {
        OptionsAssert.RejectedByCli(await LaglabProcess.RunAsync(["monitor", "--bootstrap-servers", "127.0.0.1:1", option, value], Ct), message);
    }

    [Fact]
    public async Task Monitor_InvalidRuleFile_ExitsTwoNamingLineAndRule()
    {
        using var directory = new TemporaryDirectory();
        var rules = Path.Combine(directory.Path, "rules.yml");
        await File.WriteAllTextAsync(rules, "groups:\n  - name: g\n    rules:\n      - alert: TooClever\n        expr: rate(kafka_consumer_lag[5m]) > 0\n", Ct);

        var result = await LaglabProcess.RunAsync(["monitor", "--bootstrap-servers", "127.0.0.1:1", "--rules", rules], Ct);

        OptionsAssert.RejectedByCli(result, $"{rules}:5: rule 'TooClever': expr column 1: function 'rate' is not supported");
    }

    [Fact]
    public async Task Monitor_AgainstBroker_ServesMetricsHidesSecretsAndExitsZeroOnSigterm()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var monitor = LaglabProcess.Start("monitor", "--bootstrap-servers", broker.BootstrapServers, "--listen", "127.0.0.1:0", "--interval", "200ms",
            "-X", "sasl.password=hunter2-secret", "-X", "socket.timeout.ms=5000", "--verbose");
        var ready = await monitor.WaitForLineAsync("laglab monitor ready", TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = new Uri(ReadyLine().Match(ready).Groups[1].Value) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string metrics;
        do
        {
            await Task.Delay(100, Ct);
            metrics = await client.GetStringAsync("metrics", Ct);
        }
        while (!metrics.Contains("laglab_monitor_up 1", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        var everything = metrics + await client.GetStringAsync("api/groups", Ct) + await client.GetStringAsync("api/alerts", Ct) + await client.GetStringAsync("readyz", Ct);

        var exitCode = await monitor.TerminateAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("laglab_monitor_up 1", metrics, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("hunter2", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(monitor.Lines, l => l.Contains("hunter2", StringComparison.Ordinal));
        Assert.Contains(monitor.Lines, l => l.Contains("sasl.password=***", StringComparison.Ordinal));
    }
}
