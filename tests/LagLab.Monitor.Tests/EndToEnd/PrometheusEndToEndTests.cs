using System.Text.Json;
using LagLab.Monitor.Alerting;
using LagLab.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LagLab.Monitor.Tests.EndToEnd;

/// <summary>
/// A real Prometheus (Debian's) scrapes the monitor, loads the shipped rule file, and evaluates every
/// expression of the rule file and of the Grafana dashboard through its HTTP API: each must return series.
/// </summary>
public sealed class PrometheusEndToEndTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Prometheus_ScrapesMonitor_EveryRuleAndDashboardExpressionReturnsSeries()
    {
        await using var monitor = await LagMonitor.StartAsync(SyntheticCluster.Options(), SyntheticCluster.Reader(TimeProvider.System), SyntheticCluster.TenMinuteOldRecords(TimeProvider.System), NullLoggerFactory.Instance, TimeProvider.System, Token);
        // A monitor that cannot reach its cluster (laglab_monitor_up 0) and a target that is not there (up 0).
        await using var unreachable = await LagMonitor.StartAsync(new MonitorOptions { BootstrapServers = $"127.0.0.1:{FreePort.Next()}", Listen = "127.0.0.1:0", CycleTimeout = TimeSpan.FromSeconds(1), TimeLagMode = LagLab.Monitor.Analysis.TimeLagMode.Estimate }, cancellationToken: Token);
        await using var pipeline = await PipelineMetricsStub.StartAsync(Token);
        var missingTarget = $"127.0.0.1:{FreePort.Next()}";
        var rules = ShippedFiles.RuleFile;
        await using var prometheus = await ExternalServer.StartAsync(
            "/usr/bin/prometheus",
            "prometheus",
            (dir, port) => ["--config.file=config.yml", $"--web.listen-address=127.0.0.1:{port}", $"--storage.tsdb.path={Path.Combine(dir, "data")}"],
            _ => $$"""
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                rule_files: ["{{rules}}"]
                scrape_configs:
                  - job_name: laglab-monitor
                    static_configs: [{targets: ["{{monitor.Url.Authority}}", "{{unreachable.Url.Authority}}", "{{missingTarget}}"]}]
                  - job_name: laglab-pipeline
                    static_configs: [{targets: ["{{pipeline.Target}}"]}]
                """,
            "-/ready",
            Token);

        // Wait until every target was scraped a few times (rate() needs two samples).
        await WaitUntilAsync(prometheus, "count(count_over_time(up[1m]) >= 3)", json => json.Count > 0 && json[0].GetProperty("value")[1].GetString() == "4", Token);
        await WaitUntilAsync(prometheus, "kafka_consumergroup_status{status=\"stopped\"} == 1", json => json.Count > 0, Token);

        var expressions = RuleFileLoader.Load(rules).Rules.Select(r => (Source: "rule " + r.Name, Expr: r.ExpressionText))
            .Concat(DashboardExpressions().Select(e => (Source: "panel " + e.Panel, Expr: e.Expr)))
            .ToList();
        var empty = new List<string>();
        foreach (var (source, expr) in expressions)
        {
            var result = await QueryAsync(prometheus, expr, Token);
            if (result.Count == 0)
            {
                empty.Add($"{source}: {expr}");
            }
        }

        Assert.True(empty.Count == 0, "No series for:\n" + string.Join('\n', empty) + "\n" + prometheus.Output);
        Assert.True(expressions.Count >= 20, $"only {expressions.Count} expressions found");
        var loaded = await prometheus.GetJsonAsync("api/v1/rules", Token);
        Assert.Equal(9, loaded.GetProperty("data").GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("rules").GetArrayLength()));
    }

    internal static IEnumerable<(string Panel, string Expr)> DashboardExpressions()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy", "laglab-dashboard.json")));
        foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
        {
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                yield return (panel.GetProperty("title").GetString()!, target.GetProperty("expr").GetString()!);
            }
        }
    }

    private static async Task<List<JsonElement>> QueryAsync(ExternalServer prometheus, string expr, CancellationToken cancellationToken)
    {
        var json = await prometheus.GetJsonAsync("api/v1/query?query=" + Uri.EscapeDataString(expr), cancellationToken);
        Assert.Equal("success", json.GetProperty("status").GetString());
        return json.GetProperty("data").GetProperty("result").EnumerateArray().ToList();
    }

    private static async Task WaitUntilAsync(ExternalServer prometheus, string expr, Func<List<JsonElement>, bool> done, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done(await QueryAsync(prometheus, expr, cancellationToken)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {expr}\n{prometheus.Output}");
            await Task.Delay(250, cancellationToken);
        }
    }
}
