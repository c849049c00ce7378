using System.Text.Json;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LagLab.Testing;

namespace LagLab.LoadTest.Tests.EndToEnd;

/// <summary>
/// The paths a real deployment takes: a cluster the harness did not start (here an embedded broker started
/// separately and given by address, as any Kafka would be), and a pipeline fleet deployed elsewhere.
/// </summary>
public sealed class ExternalTests
{
    private static async Task<(LaglabProcess Broker, string Bootstrap)> StartBrokerAsync()
    {
        var port = FreePort.Next();
        var broker = LaglabProcess.Start("broker", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--in-memory");
        await broker.WaitForLineAsync("laglab broker ready", TimeSpan.FromSeconds(60));
        return (broker, $"127.0.0.1:{port}");
    }

    [Fact]
    public async Task Loadtest_ExternalCluster_RunsEndToEndAgainstTheGivenBootstrapServers()
    {
        using var directory = new TemporaryDirectory();
        var (broker, bootstrap) = await StartBrokerAsync();
        await using var _ = broker;
        var scenario = LoadTestCli.Template("external-cluster.yaml", directory.Path, bootstrap);

        var result = await LoadTestCli.RunAsync([scenario, "--out", Path.Combine(directory.Path, "out")], TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, LoadTestCli.Describe(result));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory.Path, "out", "results.json"), TestContext.Current.CancellationToken));
        var totals = json.RootElement.GetProperty("totals");
        Assert.Equal(totals.GetProperty("produced").GetInt64(), totals.GetProperty("applied").GetInt64());
        Assert.True(totals.GetProperty("unavailable").GetInt64() > 0, "the bank outage answered 503s");
        Assert.Contains(json.RootElement.GetProperty("actions").EnumerateArray(), a => a.GetProperty("type").GetString() == "bank_outage" && a.GetProperty("error").ValueKind == JsonValueKind.Null);
        // The harness's topic is on the broker it was given.
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        Assert.Contains(admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics, t => t.Topic == "ext-events" && t.Partitions.Count == 3);
    }

    [Fact]
    public async Task Loadtest_ExternalFleet_JudgesAPipelineItDidNotStart()
    {
        using var directory = new TemporaryDirectory();
        var (broker, bootstrap) = await StartBrokerAsync();
        await using var _ = broker;
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build())
        {
            await admin.CreateTopicsAsync([new TopicSpecification { Name = "extfleet-events", NumPartitions = 2, ReplicationFactor = 1 }]);
        }
        var bankPort = FreePort.Next();
        await using var pipeline = LaglabProcess.Start("pipeline", "--bootstrap-servers", bootstrap, "--topic", "extfleet-events",
            "--group", "extfleet-reconciliation", "--bank-url", $"http://127.0.0.1:{bankPort}", "--results-topic", "extfleet-results",
            "--dead-letter-topic", "extfleet-dlq", "--concurrency", "8");
        var scenario = LoadTestCli.Template("external-fleet.yaml", directory.Path, bootstrap);

        var result = await LoadTestCli.RunAsync([scenario, "--out", Path.Combine(directory.Path, "out"), "--bank-listen", $"127.0.0.1:{bankPort}"], TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, LoadTestCli.Describe(result) + Environment.NewLine + "pipeline:" + Environment.NewLine + string.Join(Environment.NewLine, pipeline.Lines));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory.Path, "out", "results.json"), TestContext.Current.CancellationToken));
        var totals = json.RootElement.GetProperty("totals");
        Assert.True(totals.GetProperty("produced").GetInt64() >= 750);
        Assert.Equal(totals.GetProperty("produced").GetInt64(), totals.GetProperty("applied").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("resources").GetArrayLength());
    }
}
