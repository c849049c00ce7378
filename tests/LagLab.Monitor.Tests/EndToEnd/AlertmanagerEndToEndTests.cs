using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;

namespace LagLab.Monitor.Tests.EndToEnd;

/// <summary>
/// The built-in engine against a real Alertmanager (Debian's prometheus-alertmanager): a group whose lag
/// passes 1000 raises the warning, passing 10000 raises the critical, and draining resolves both.
/// </summary>
public sealed class AlertmanagerEndToEndTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Engine_LagCrossesThresholdsThenDrains_AlertmanagerSeesWarningCriticalThenResolved()
    {
        await using var alertmanager = await ExternalServer.StartAsync(
            "/usr/bin/prometheus-alertmanager",
            "prometheus-alertmanager",
            (dir, port) => ["--config.file=config.yml", $"--storage.path={Path.Combine(dir, "data")}", $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address="],
            _ => """
                route: {receiver: "null", group_wait: 1s, group_interval: 1s, repeat_interval: 1h}
                receivers: [{name: "null"}]
                """,
            "-/ready",
            Token);
        var lag = 5_000L;
        var options = SyntheticCluster.Options();
        options.Webhook = alertmanager.Url;
        options.AlertForOverride = TimeSpan.FromSeconds(1);
        // Firing alerts carry endsAt = now + 4 x 10 s: they can only leave Alertmanager within the test's
        // deadline because the engine sends them resolved.
        options.AlertResendInterval = TimeSpan.FromSeconds(10);
        await using var monitor = await LagMonitor.StartAsync(options, SyntheticCluster.Reader(TimeProvider.System, () => Interlocked.Read(ref lag)), SyntheticCluster.TenMinuteOldRecords(TimeProvider.System), NullLoggerFactory.Instance, TimeProvider.System, Token);

        var warning = await WaitForAsync(alertmanager, names => names.Contains("KafkaConsumerLagWarning"), Token);
        Interlocked.Exchange(ref lag, 20_000);
        var critical = await WaitForAsync(alertmanager, names => names.Contains("KafkaConsumerLagCritical"), Token);
        Interlocked.Exchange(ref lag, 0);
        var drainedAt = DateTime.UtcNow;
        var drained = await WaitForAsync(alertmanager, names => names.Count == 0, Token);

        Assert.DoesNotContain("KafkaConsumerLagCritical", warning);
        Assert.Contains("KafkaConsumerLagWarning", critical);
        Assert.Empty(drained);
        Assert.True(DateTime.UtcNow - drainedAt < TimeSpan.FromSeconds(20), "resolved only by endsAt expiry, not by a resolved notification");
        Assert.Contains(monitor.Alerts, a => a.Name == "KafkaConsumerLagCritical" && a.Labels["group"] == "recon" && a.State == LagLab.Monitor.Alerting.AlertState.Resolved);
    }

    /// <summary>Active lag alerts of group "recon" in Alertmanager, polled until <paramref name="done"/>.</summary>
    private static async Task<HashSet<string>> WaitForAsync(ExternalServer alertmanager, Func<HashSet<string>, bool> done, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var alerts = await alertmanager.GetJsonAsync("api/v2/alerts?active=true", cancellationToken);
            var names = alerts.EnumerateArray()
                .Where(a => a.GetProperty("labels").TryGetProperty("group", out var g) && g.GetString() == "recon")
                .Where(a => a.GetProperty("status").GetProperty("state").GetString() == "active")
                .Where(a => a.GetProperty("endsAt").GetDateTimeOffset() > DateTimeOffset.UtcNow)
                .Select(a => a.GetProperty("labels").GetProperty("alertname").GetString()!)
                .Where(n => n.StartsWith("KafkaConsumerLag", StringComparison.Ordinal))
                .ToHashSet();
            if (done(names))
            {
                return names;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Alertmanager never reached the expected alerts; last: {string.Join(", ", names)}\n{alertmanager.Output}");
            await Task.Delay(200, cancellationToken);
        }
    }
}
