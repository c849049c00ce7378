using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Groups.Integration;

/// <summary>
/// Burrow 1.2.1 (Debian), which reads committed offsets and group metadata from <c>__consumer_offsets</c>
/// itself (sarama, no group APIs) and needs a ZooKeeper for its own coordination: it must report the
/// same per-partition lag as Confluent.Kafka's admin API, and the owner of each partition.
/// </summary>
public sealed class BurrowTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Burrow_ReadsOurConsumerOffsets_AndReportsTheSameLagAsTheAdminApi()
    {
        var burrow = RequiredTool.Require("/usr/bin/Burrow", "burrow");
        var zookeeperJar = RequiredTool.Require("/usr/share/java/zookeeper.jar", "zookeeperd");
        var java = RequiredTool.Require("/usr/bin/java", "zookeeperd");
        using var workDir = new TemporaryDirectory();
        await using var broker = await TestBroker.StartAsync(o => o.GroupInitialRebalanceDelayMs = 100);
        var topic = KafkaClients.UniqueTopic("burrow");
        var group = "burrow-" + Guid.NewGuid().ToString("N")[..8];
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, 3);
        using (var producer = KafkaClients.Producer(broker.BootstrapServers))
        {
            foreach (var (partition, count) in new[] { (0, 10), (1, 20), (2, 30) })
            {
                for (var i = 0; i < count; i++)
                {
                    producer.Produce(new TopicPartition(topic, partition), new Message<byte[]?, byte[]?> { Value = [1] });
                }
            }
            producer.Flush(TimeSpan.FromSeconds(30));
        }

        // A live member (so Burrow also decodes our group metadata record for owners), committing known offsets.
        using var member = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            GroupId = group,
            ClientId = "burrow-member",
            EnableAutoCommit = false,
            SessionTimeoutMs = 30_000,
        }).Build();
        member.Subscribe(topic);
        var waited = Stopwatch.StartNew();
        while (member.Assignment.Count < 3 && waited.Elapsed < Settle)
        {
            member.Consume(TimeSpan.FromMilliseconds(100));
        }
        Assert.Equal(3, member.Assignment.Count);
        member.Commit([new TopicPartitionOffset(topic, 0, 4), new TopicPartitionOffset(topic, 1, 15), new TopicPartitionOffset(topic, 2, 30)]);
        var expected = await AdminLagAsync(broker.BootstrapServers, group, topic, member);
        Assert.Equal([6L, 5L, 0L], expected);

        var zookeeperPort = FreePort.Next();
        var httpPort = FreePort.Next();
        await using var zookeeper = StartZooKeeper(java, zookeeperJar, workDir.Path, zookeeperPort);
        await WaitForZooKeeperAsync(zookeeperPort, zookeeper);
        await using var burrowProcess = await StartBurrowAsync(burrow, workDir.Path, broker.BootstrapServers, zookeeperPort, httpPort);

        var lag = await WaitForBurrowLagAsync(httpPort, group, burrowProcess);
        var partitions = lag.GetProperty("partitions").EnumerateArray().Where(p => p.GetProperty("topic").GetString() == topic)
            .OrderBy(p => p.GetProperty("partition").GetInt32()).ToArray();
        Assert.Equal(expected, partitions.Select(p => p.GetProperty("current_lag").GetInt64()));
        Assert.Equal(expected.Sum(), lag.GetProperty("totallag").GetInt64());
        // The owner comes from our group metadata record (value v1): Burrow decoded it and the member's assignment.
        Assert.All(partitions, p => Assert.Equal("/127.0.0.1", p.GetProperty("owner").GetString()));
        member.Close();
    }

    private static async Task<long[]> AdminLagAsync(string bootstrap, string group, string topic, IConsumer<Ignore, Ignore> member)
    {
        using var admin = KafkaClients.Admin(bootstrap);
        var committed = (await admin.ListConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitions(group, null)])).Single()
            .Partitions.Where(p => p.Topic == topic).ToDictionary(p => p.Partition.Value, p => p.Offset.Value);
        return Enumerable.Range(0, 3)
            .Select(p => member.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value - committed[p])
            .ToArray();
    }

    private static ChildProcess StartZooKeeper(string java, string jar, string workDir, int port)
    {
        var data = Path.Combine(workDir, "zookeeper");
        Directory.CreateDirectory(data);
        var config = Path.Combine(workDir, "zoo.cfg");
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture,
            $"tickTime=2000\ndataDir={data}\nclientPort={port}\nclientPortAddress=127.0.0.1\nadmin.enableServer=false\n4lw.commands.whitelist=ruok\n"));
        return ChildProcess.Start(java, ["-cp", $"/etc/zookeeper/conf:{jar}", "org.apache.zookeeper.server.ZooKeeperServerMain", config]);
    }

    private static async Task WaitForZooKeeperAsync(int port, ChildProcess zookeeper)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Settle)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", port);
                var stream = tcp.GetStream();
                await stream.WriteAsync("ruok"u8.ToArray());
                var buffer = new byte[4];
                if (await stream.ReadAsync(buffer) == 4 && buffer.AsSpan().SequenceEqual("imok"u8))
                {
                    return;
                }
            }
            catch (SocketException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"ZooKeeper did not answer on port {port}:\n{zookeeper.Output}");
    }

    /// <summary>
    /// Burrow exits when its first ZooKeeper session fails, which a ZooKeeper that only just answered "imok"
    /// still does for a few seconds: start it again until it stays up.
    /// </summary>
    private static async Task<ChildProcess> StartBurrowAsync(string burrow, string workDir, string bootstrap, int zookeeperPort, int httpPort)
    {
        for (var attempt = 1; ; attempt++)
        {
            var process = StartBurrow(burrow, workDir, bootstrap, zookeeperPort, httpPort);
            await Task.Delay(TimeSpan.FromSeconds(3));
            if (!process.HasExited || attempt == 10)
            {
                return process;
            }
            await process.DisposeAsync();
        }
    }

    private static ChildProcess StartBurrow(string burrow, string workDir, string bootstrap, int zookeeperPort, int httpPort)
    {
        var configDir = Path.Combine(workDir, "burrow");
        Directory.CreateDirectory(configDir);
        File.WriteAllText(Path.Combine(configDir, "burrow.toml"), string.Create(CultureInfo.InvariantCulture, $$"""
            [general]
            pidfile="{{configDir}}/burrow.pid"

            [logging]
            level="info"

            [zookeeper]
            servers=[ "127.0.0.1:{{zookeeperPort}}" ]
            timeout=6
            root-path="/burrow"

            [client-profile.laglab]
            client-id="burrow-laglab"
            kafka-version="0.11.0"

            [cluster.local]
            class-name="kafka"
            servers=[ "{{bootstrap}}" ]
            client-profile="laglab"
            topic-refresh=5
            offset-refresh=2

            [consumer.local]
            class-name="kafka"
            cluster="local"
            servers=[ "{{bootstrap}}" ]
            client-profile="laglab"
            offsets-topic="__consumer_offsets"
            start-latest=false

            [httpserver.default]
            address="127.0.0.1:{{httpPort}}"

            [storage.default]
            class-name="inmemory"
            workers=4
            intervals=10
            expire-group=604800
            min-distance=1
            """));
        return ChildProcess.Start(burrow, ["--config-dir", configDir]);
    }

    private static async Task<JsonElement> WaitForBurrowLagAsync(int httpPort, string group, ChildProcess burrow)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        var last = string.Empty;
        while (waited.Elapsed < Settle)
        {
            try
            {
                last = await http.GetStringAsync(new Uri($"http://127.0.0.1:{httpPort}/v3/kafka/local/consumer/{group}/lag"));
                using var json = JsonDocument.Parse(last);
                if (!json.RootElement.GetProperty("error").GetBoolean() &&
                    json.RootElement.GetProperty("status").GetProperty("partitions").GetArrayLength() == 3 &&
                    json.RootElement.GetProperty("status").GetProperty("partitions").EnumerateArray().All(p => p.GetProperty("owner").GetString()!.Length > 0))
                {
                    return json.RootElement.GetProperty("status").Clone();
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"Burrow never reported the group's lag. Last answer: {last}\nBurrow output:\n{burrow.Output}");
    }

    /// <summary>A helper program run for the test's duration; killed on dispose.</summary>
    private sealed class ChildProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

        private ChildProcess(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => Keep(e.Data);
            _process.ErrorDataReceived += (_, e) => Keep(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Output => string.Join('\n', _output.TakeLast(40));

        public bool HasExited => _process.HasExited;

        public static ChildProcess Start(string file, IEnumerable<string> arguments)
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }
            return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}."));
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        private void Keep(string? line)
        {
            if (line is not null)
            {
                _output.Enqueue(line);
            }
        }
    }
}
