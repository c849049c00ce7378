using LagLab.Scenarios;

namespace LagLab.Forecast.Tests;

public sealed class BankOutageRegressionTests
{
    // Regression: a bank outage ending with a backlog shrank the integration step towards zero, so the
    // forecast never returned and grew memory until the process was killed.
    private const string Yaml = """
        name: outage-regression
        cluster: { type: external, bootstrap_servers: "127.0.0.1:9" }
        topic: { name: t, partitions: 3 }
        producer: { rate: 40, accounts: 50, duration: 20s }
        fleet: { type: local, instances: 2, group: g, assignor: cooperative-sticky, processing: concurrent, concurrency: 8, buffer: memory }
        bank: { rate_limit: 200, latency: { p50: 5ms, p99: 20ms } }
        actions:
          - { type: bank_outage, at: 5s, duration: 2s }
        slos: { max_lag: 2000 }
        """;

    [Fact]
    public async Task Run_BankOutageEndingWithBacklog_ReturnsAndPeaksAtTheOutagesInflow()
    {
        var scenario = ScenarioLoader.Parse(Yaml, "outage-regression.yaml", Directory.GetCurrentDirectory());

        var run = Task.Run(() => Forecaster.Run(scenario, new ForecastOptions { Horizon = TimeSpan.FromSeconds(20), Recommend = false }), TestContext.Current.CancellationToken);
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));

        Assert.Same(run, finished);
        // 40 events/s for a 2 s outage, nothing processed meanwhile.
        Assert.InRange((await run).MaxLag, 79, 81);
    }
}
