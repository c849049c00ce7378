using LagLab.Testing;

namespace LagLab.Cli.Tests;

/// <summary>
/// Regression: the monitor's start line showed <c>sasl.oauthbearer.config</c> and <c>sasl.oauthbearer.extensions</c> in
/// clear (only keys containing "password", "secret", ... were masked). Every secret-bearing librdkafka key is masked,
/// from one shared list.
/// </summary>
public sealed class SecretMaskingTests
{
    [Fact]
    public async Task Monitor_OAuthSettings_NeverLoggedInClear()
    {
        await using var monitor = LaglabProcess.Start("monitor", "--bootstrap-servers", $"127.0.0.1:{FreePort.Next()}", "--listen", "127.0.0.1:0",
            "-X", "sasl.oauthbearer.config=principal=admin scope=hush-config-1",
            "-X", "sasl.oauthbearer.extensions=tenant=hush-extensions-2",
            "-X", "sasl.oauthbearer.client.secret=hush-secret-3",
            "-X", "sasl.username=hush-user-4",
            "-X", "socket.timeout.ms=5000");
        await monitor.WaitForLineAsync("laglab monitor ready", TimeSpan.FromSeconds(60));

        await monitor.TerminateAsync(TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(monitor.Lines, l => l.Contains("hush", StringComparison.Ordinal));
        var started = Assert.Single(monitor.Lines, l => l.Contains("sasl.oauthbearer.config=", StringComparison.Ordinal));
        Assert.Contains("sasl.oauthbearer.config=***", started, StringComparison.Ordinal);
        Assert.Contains("sasl.oauthbearer.extensions=***", started, StringComparison.Ordinal);
        Assert.Contains("socket.timeout.ms=5000", started, StringComparison.Ordinal);
    }
}
