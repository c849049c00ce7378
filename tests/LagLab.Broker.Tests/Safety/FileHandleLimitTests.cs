using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Safety;

/// <summary>
/// Issue 10, item 4: three open files per partition exhausted the descriptor limit long before the
/// documented 10,000 partitions per topic (at 6,578 with 20,000 descriptors). Reproduced small: the broker
/// process runs under <c>ulimit -n 256</c> and gets a topic of 400 partitions, every one written and read.
/// </summary>
public sealed class FileHandleLimitTests : IDisposable
{
    private const int Partitions = 400;

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CreateTopic_MorePartitionsThanDescriptors_AllCreatedWrittenAndRead()
    {
        var port = FreePort.Next();
        var bootstrap = $"127.0.0.1:{port}";
        var topic = KafkaClients.UniqueTopic("files");
        using var broker = StartUnderDescriptorLimit(256, "broker", "--data-dir", _directory.Path, "--port", port.ToString(CultureInfo.InvariantCulture), "--max-open-segment-files", "128");
        try
        {
            await WaitForReadyAsync(broker);
            using (var admin = KafkaClients.Admin(bootstrap))
            {
                await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = Partitions, ReplicationFactor = 1 }]);
            }
            using (var producer = KafkaClients.Producer(bootstrap))
            {
                for (var p = 0; p < Partitions; p++)
                {
                    producer.Produce(new TopicPartition(topic, p), new Message<byte[]?, byte[]?> { Value = BitConverter.GetBytes(p) });
                }
                Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(60)));
            }

            var read = KafkaClients.ConsumeAll(bootstrap, topic, Partitions, Partitions, TimeSpan.FromSeconds(60));

            Assert.Equal(Enumerable.Range(0, Partitions), read.Select(r => r.Partition.Value).Order());
            Assert.All(read, r => Assert.Equal(r.Partition.Value, BitConverter.ToInt32(r.Message.Value)));
            Assert.False(broker.HasExited, "the broker died");
        }
        finally
        {
            if (!broker.HasExited)
            {
                broker.Kill();
                await broker.WaitForExitAsync(TestContext.Current.CancellationToken);
            }
        }
    }

    /// <summary>The built CLI under bash's <c>ulimit -n</c>, exec'd so the limit is the broker's own.</summary>
    private static Process StartUnderDescriptorLimit(int limit, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"ulimit -n {limit} && exec dotnet \"$0\" \"$@\"");
        info.ArgumentList.Add(LaglabProcess.CliPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start the broker.");
    }

    private static async Task WaitForReadyAsync(Process broker)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await broker.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("ready", StringComparison.Ordinal))
            {
                _ = broker.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = broker.StandardError.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }
        throw new InvalidOperationException($"The broker exited ({broker.ExitCode}) before it was ready: {await broker.StandardError.ReadToEndAsync(timeout.Token)}");
    }
}
