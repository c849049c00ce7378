using System.Text.Json;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Compatibility;

/// <summary>kcat 1.7 (its own, older librdkafka 2.0.2) against the broker: metadata, produce, consume from offsets.</summary>
public sealed class KcatTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Kcat_ListMetadata_ShowsBrokerAndTopicPartitions()
    {
        var kcat = RequiredTool.Require("/usr/bin/kcat", "kcat");
        await using var broker = await TestBroker.StartAsync();
        var topic = KafkaClients.UniqueTopic("kcat");
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, 3);

        var result = await ProcessRunner.RunAsync(kcat, ["-b", broker.BootstrapServers, "-L", "-J"], Timeout, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var brokers = json.RootElement.GetProperty("brokers").EnumerateArray().ToList();
        Assert.Equal(broker.Options.NodeId, Assert.Single(brokers).GetProperty("id").GetInt32());
        var described = json.RootElement.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("topic").GetString() == topic);
        Assert.Equal(3, described.GetProperty("partitions").GetArrayLength());
    }

    [Fact]
    public async Task Kcat_ProduceThenConsumeFromOffset_ReturnsExactRecords()
    {
        var kcat = RequiredTool.Require("/usr/bin/kcat", "kcat");
        await using var broker = await TestBroker.StartAsync();
        var topic = KafkaClients.UniqueTopic("kcat");
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, 1);
        var lines = Enumerable.Range(0, 10).Select(i => $"key{i}:value {i}").ToList();

        var produce = await ProcessRunner.RunAsync(kcat, ["-b", broker.BootstrapServers, "-t", topic, "-P", "-K:", "-p", "0"], Timeout, string.Join('\n', lines) + "\n", TestContext.Current.CancellationToken);
        Assert.Equal(0, produce.ExitCode);

        var all = await ProcessRunner.RunAsync(kcat, ["-b", broker.BootstrapServers, "-t", topic, "-C", "-p", "0", "-o", "beginning", "-e", "-f", "%k=%s@%o\n"], Timeout, cancellationToken: TestContext.Current.CancellationToken);
        var fromThree = await ProcessRunner.RunAsync(kcat, ["-b", broker.BootstrapServers, "-t", topic, "-C", "-p", "0", "-o", "3", "-c", "4", "-f", "%k=%s@%o\n"], Timeout, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, all.ExitCode);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"key{i}=value {i}@{i}"), Lines(all.StandardOutput));
        Assert.Equal(0, fromThree.ExitCode);
        Assert.Equal(Enumerable.Range(3, 4).Select(i => $"key{i}=value {i}@{i}"), Lines(fromThree.StandardOutput));
    }

    private static IEnumerable<string> Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
