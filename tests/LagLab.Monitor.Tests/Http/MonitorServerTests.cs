using System.Net;
using System.Text.Json;
using LagLab.Monitor.Tests.EndToEnd;
using Microsoft.Extensions.Logging.Abstractions;

namespace LagLab.Monitor.Tests.Http;

public sealed class MonitorServerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<LagMonitor> StartAsync()
    {
        var monitor = await LagMonitor.StartAsync(SyntheticCluster.Options(), SyntheticCluster.Reader(TimeProvider.System), SyntheticCluster.TenMinuteOldRecords(TimeProvider.System), NullLoggerFactory.Instance, TimeProvider.System, Token);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(monitor.Health.Up && monitor.View.Groups.Any(g => g.Complete)))
        {
            if (DateTime.UtcNow > deadline)
            {
                await monitor.DisposeAsync();
                Assert.Fail($"the monitor never completed a cycle with a complete group; health: {monitor.Health}");
            }
            await Task.Delay(50, Token);
        }
        return monitor;
    }

    [Fact]
    public async Task Metrics_ServesPrometheusTextWithContentType()
    {
        await using var monitor = await StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(monitor.Url, "metrics"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("kafka_consumer_lag{group=\"recon\",partition=\"0\",topic=\"events\"} 20000\n", text, StringComparison.Ordinal);
        var timeLag = text.Split('\n').Single(l => l.StartsWith("kafka_consumer_lag_seconds{group=\"recon\",partition=\"0\"", StringComparison.Ordinal));
        Assert.InRange(double.Parse(timeLag.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), 599, 620);
        Assert.Contains("laglab_monitor_up 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiGroups_ListsGroupsWithStatusAndFreshness()
    {
        await using var monitor = await StartAsync();
        using var http = new HttpClient();

        var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(monitor.Url, "api/groups"), Token)).RootElement;

        Assert.True(json.GetProperty("fresh").GetBoolean());
        var groups = json.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!, g => g);
        Assert.Equal(["caughtup", "lost", "recon", "stalled", "stopped"], groups.Keys.Order());
        Assert.Equal("stalled", groups["stalled"].GetProperty("status").GetString());
        Assert.Equal("stopped", groups["stopped"].GetProperty("status").GetString());
        Assert.True(groups["lost"].GetProperty("dataLoss").GetBoolean());
        Assert.Equal(20000, groups["recon"].GetProperty("lagSum").GetInt64());
    }

    [Fact]
    public async Task ApiGroup_OneGroupWithPartitionsMethodAndHistory_UnknownIs404()
    {
        await using var monitor = await StartAsync();
        using var http = new HttpClient();

        var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(monitor.Url, "api/groups/recon"), Token)).RootElement;
        using var missing = await http.GetAsync(new Uri(monitor.Url, "api/groups/nope"), Token);

        var partition = json.GetProperty("group").GetProperty("partitions")[0];
        Assert.Equal("exact", partition.GetProperty("timeLagMethod").GetString());
        Assert.Equal(20000, partition.GetProperty("lag").GetInt64());
        Assert.Equal("m1", partition.GetProperty("owner").GetString());
        Assert.NotEqual(0, json.GetProperty("history").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ApiAlerts_ListsEngineAlerts()
    {
        await using var monitor = await StartAsync();
        using var http = new HttpClient();

        var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(monitor.Url, "api/alerts"), Token)).RootElement;

        Assert.Equal(9, json.GetProperty("rules").GetInt32());
        Assert.Contains(json.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("name").GetString() == "KafkaConsumerDataLoss" && a.GetProperty("state").GetString() == "firing");
    }

    [Fact]
    public async Task Probes_HealthyAndReady()
    {
        await using var monitor = await StartAsync();
        using var http = new HttpClient();

        using var healthz = await http.GetAsync(new Uri(monitor.Url, "healthz"), Token);
        using var readyz = await http.GetAsync(new Uri(monitor.Url, "readyz"), Token);

        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
    }

    [Fact]
    public async Task Dashboard_ServesEmbeddedPageScriptAndStyle()
    {
        await using var monitor = await StartAsync();
        using var http = new HttpClient();

        var page = await http.GetStringAsync(monitor.Url, Token);
        using var script = await http.GetAsync(new Uri(monitor.Url, "app.js"), Token);
        using var style = await http.GetAsync(new Uri(monitor.Url, "app.css"), Token);

        Assert.Contains("<canvas id=\"lag-chart\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http", page, StringComparison.Ordinal); // no CDN: nothing loads from elsewhere
        Assert.Equal("text/javascript; charset=utf-8", script.Content.Headers.ContentType!.ToString());
        Assert.Equal(HttpStatusCode.OK, style.StatusCode);
    }
}
