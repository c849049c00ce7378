using System.Diagnostics;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Groups.Integration;

/// <summary>
/// How fast a group of three real consumers settles again after a member is SIGKILLed and after the broker
/// restarts on its data directory, and that a long-lived AdminClient keeps working across that restart.
/// </summary>
public sealed class GroupSettleTests
{
    private const int Partitions = 6;
    private const int SessionTimeoutMs = 6_000;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task MemberKilled_OneOfThree_StableWithTwoMembersSoonAfterItsSession()
    {
        await using var fleet = await Fleet.StartAsync(dataDirectory: null);
        var members = fleet.StartMembers(3);
        await fleet.WaitForStableAsync(3, Settle);

        var killed = Stopwatch.StartNew();
        await members[2].KillAsync();
        var description = await fleet.WaitForStableAsync(2, Settle);
        var elapsed = killed.Elapsed;
        TestContext.Current.SendDiagnosticMessage($"SIGKILL of 1 of 3 members to Stable with 2: {elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(["m0", "m1"], description.Members.Select(m => m.ClientId).Order());
        // Its session ends at its last heartbeat (500 ms apart, later under load) + 6 s; the others rejoin within a heartbeat.
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(SessionTimeoutMs / 2), $"settled after only {elapsed}");
        Assert.True(elapsed < TimeSpan.FromMilliseconds(SessionTimeoutMs + 30_000), $"settled only after {elapsed}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BrokerRestarted_GroupOfThree_SettlesWithExactlyItsThreeMembers(bool asProcess)
    {
        using var dataDir = new TemporaryDirectory();
        await using var fleet = await Fleet.StartAsync(dataDir.Path, asProcess);
        fleet.StartMembers(3);
        await fleet.WaitForStableAsync(3, Settle);

        var restarted = await fleet.RestartBrokerAsync(TimeSpan.FromSeconds(2));
        var since = GroupScenario.Now;
        // Settled: every partition consumed again after the restart, and the group Stable with three members.
        await fleet.WaitForRecordsSinceAsync(since, Settle);
        var after = await fleet.WaitForStableAsync(3, Settle);
        var elapsed = restarted.Elapsed;
        TestContext.Current.SendDiagnosticMessage($"Broker restart (2 s down, process {asProcess}) to Stable with 3: {elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(["m0", "m1", "m2"], after.Members.Select(m => m.ClientId).Order());
        Assert.Equal(fleet.AllPartitions, after.Members.SelectMany(m => m.Assignment.TopicPartitions).Select(p => $"{p.Topic}:{p.Partition.Value}").Order());
    }

    /// <summary>
    /// librdkafka 2.10+ decommissions every learned broker when all are down (KIP-1102 re-bootstrap) but keeps the
    /// decommissioned handle as the cached group coordinator (librdkafka #5511), so coordinator requests
    /// (DescribeConsumerGroups, ListConsumerGroupOffsets) time out forever after a restart of a single broker.
    /// With <c>metadata.recovery.strategy=none</c> the learned broker is kept and reconnects: the same client works again.
    /// With the default (<c>rebootstrap</c>) this test fails: every DescribeConsumerGroups times out.
    /// </summary>
    [Fact]
    public async Task AdminClient_LongLivedAcrossRestartOfABrokerProcess_WorksAgainWithoutRebootstrap()
    {
        const string recoveryStrategy = "none";
        using var dataDir = new TemporaryDirectory();
        await using var fleet = await Fleet.StartAsync(dataDir.Path, asProcess: true);
        fleet.StartMembers(2);
        await fleet.WaitForStableAsync(2, Settle);
        var config = new AdminClientConfig { BootstrapServers = fleet.Bootstrap, SocketTimeoutMs = 10_000 };
        config.Set("metadata.recovery.strategy", recoveryStrategy);
        using var admin = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).Build();
        await AdminReadAsync(admin, fleet, TimeSpan.FromSeconds(10));

        // While the broker is away the client keeps asking for metadata, as the monitor and the load-test sampler do
        // (no coordinator request is in flight when the connection drops: that crashes librdkafka, #4605).
        await fleet.StopBrokerAsync();
        var down = Stopwatch.StartNew();
        while (down.Elapsed < TimeSpan.FromSeconds(3))
        {
            try
            {
                admin.GetMetadata(fleet.Topic, TimeSpan.FromMilliseconds(500));
            }
            catch (KafkaException)
            {
            }
        }
        await fleet.StartBrokerAsync(asProcess: true);

        // Transient failures right after the restart are fine; the same client must work again on its own.
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (deadline.Elapsed < Settle)
        {
            try
            {
                await AdminReadAsync(admin, fleet, TimeSpan.FromSeconds(5));
                TestContext.Current.SendDiagnosticMessage($"Long-lived AdminClient ({recoveryStrategy}) working again {deadline.ElapsedMilliseconds} ms after the restart");
                return;
            }
            catch (Exception ex) when (ex is KafkaException or TimeoutException)
            {
                last = ex;
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }
        Assert.Fail($"The long-lived AdminClient ({recoveryStrategy}) never worked again: {last}");
    }

    /// <summary>What the monitor does each cycle: group description, committed offsets, end offsets.</summary>
    private static async Task AdminReadAsync(IAdminClient admin, Fleet fleet, TimeSpan timeout)
    {
        // Like the load-test sampler and the monitor: metadata first (it fails fast while the broker is away).
        var metadata = await Task.Run(() => admin.GetMetadata(fleet.Topic, timeout));
        if (metadata.Topics.Single().Error.IsError)
        {
            throw new KafkaException(metadata.Topics.Single().Error);
        }
        var description = (await admin.DescribeConsumerGroupsAsync([fleet.Group], new DescribeConsumerGroupsOptions { RequestTimeout = timeout }))
            .ConsumerGroupDescriptions.Single();
        if (description.Error.IsError)
        {
            throw new KafkaException(description.Error);
        }
        var offsets = (await admin.ListConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitions(fleet.Group, null)],
            new ListConsumerGroupOffsetsOptions { RequestTimeout = timeout })).Single();
        if (offsets.Partitions.FirstOrDefault(p => p.Error.IsError) is { } failed)
        {
            throw new KafkaException(failed.Error);
        }
        var ends = await admin.ListOffsetsAsync(
            [new TopicPartitionOffsetSpec { TopicPartition = new TopicPartition(fleet.Topic, 0), OffsetSpec = OffsetSpec.Latest() }],
            new ListOffsetsOptions { RequestTimeout = timeout });
        if (ends.ResultInfos.Single().TopicPartitionOffsetError.Error is { IsError: true } error)
        {
            throw new KafkaException(error);
        }
    }

    /// <summary>A broker on a fixed port (optionally on a data directory), a topic with traffic, and member processes.</summary>
    private sealed class Fleet : IAsyncDisposable
    {
        private readonly BrokerOptions _options;
        private readonly List<GroupMemberProcess> _members = [];
        private KafkaBroker? _broker;
        private LaglabProcess? _process;
        private ContinuousProducer? _producer;

        private Fleet(BrokerOptions options)
        {
            _options = options;
        }

        public string Bootstrap => $"127.0.0.1:{_options.Port}";

        public string Topic { get; } = KafkaClients.UniqueTopic("settle");

        public string Group { get; } = "settle-" + Guid.NewGuid().ToString("N")[..8];

        public IReadOnlyList<string> AllPartitions => Enumerable.Range(0, Partitions).Select(p => $"{Topic}:{p}").Order().ToArray();

        public static async Task<Fleet> StartAsync(string? dataDirectory, bool asProcess = false)
        {
            var options = new BrokerOptions { Port = FreePort.Next(), DataDirectory = dataDirectory, GroupInitialRebalanceDelayMs = 200 };
            var fleet = new Fleet(options);
            await fleet.StartBrokerAsync(asProcess);
            await KafkaClients.CreateTopicAsync(fleet.Bootstrap, fleet.Topic, Partitions);
            fleet._producer = new ContinuousProducer(fleet.Bootstrap, fleet.Topic, Partitions, TimeSpan.FromMilliseconds(10));
            return fleet;
        }

        public GroupMemberProcess[] StartMembers(int count)
        {
            var started = Enumerable.Range(0, count)
                .Select(i => GroupMemberProcess.Start(Bootstrap, Group, Topic, "cooperative-sticky", clientId: $"m{i}", sessionTimeoutMs: SessionTimeoutMs))
                .ToArray();
            _members.AddRange(started);
            return started;
        }

        /// <summary>A clean stop, <paramref name="down"/> away, and a start on the same port and data; the clock starts at the new start.</summary>
        public async Task<Stopwatch> RestartBrokerAsync(TimeSpan down)
        {
            var asProcess = _process is not null;
            await StopBrokerAsync();
            await Task.Delay(down, TestContext.Current.CancellationToken);
            var clock = Stopwatch.StartNew();
            await StartBrokerAsync(asProcess);
            return clock;
        }

        public async Task StartBrokerAsync(bool asProcess)
        {
            if (!asProcess)
            {
                _broker = await KafkaBroker.StartAsync(_options);
                return;
            }
            _process = LaglabProcess.Start("broker", "--port", _options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--data-dir", _options.DataDirectory!, "--group-initial-rebalance-delay", "200", "--flush-messages", "0");
            await _process.WaitForLineAsync("ready", TimeSpan.FromSeconds(60));
        }

        public async Task StopBrokerAsync()
        {
            if (_broker is not null)
            {
                await _broker.DisposeAsync();
                _broker = null;
            }
            if (_process is not null)
            {
                await _process.TerminateAsync(TimeSpan.FromSeconds(30));
                await _process.DisposeAsync();
                _process = null;
            }
        }

        /// <summary>Waits until the members together consumed a record from every partition, produced after <paramref name="sinceMs"/>.</summary>
        public async Task WaitForRecordsSinceAsync(long sinceMs, TimeSpan timeout)
        {
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                var consumed = _members.SelectMany(m => m.Records).Where(e => e.T > sinceMs).Select(e => $"{e.Topic}:{e.Partition}").ToHashSet();
                if (consumed.IsSupersetOf(AllPartitions))
                {
                    return;
                }
                if (deadline.Elapsed > timeout)
                {
                    throw new TimeoutException($"Only [{string.Join(", ", consumed.Order())}] consumed within {timeout}.\n" +
                        string.Join('\n', _members.Select(m => $"{m.Name}:\n{m.Transcript()}")));
                }
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        /// <summary>Polls DescribeGroups (a fresh client each time) until the group is Stable with <paramref name="members"/> members.</summary>
        public async Task<ConsumerGroupDescription> WaitForStableAsync(int members, TimeSpan timeout)
        {
            var deadline = Stopwatch.StartNew();
            var seen = "nothing";
            while (true)
            {
                try
                {
                    using var admin = KafkaClients.Admin(Bootstrap);
                    var description = (await admin.DescribeConsumerGroupsAsync([Group], new DescribeConsumerGroupsOptions { RequestTimeout = TimeSpan.FromSeconds(5) }))
                        .ConsumerGroupDescriptions.Single();
                    seen = $"{description.State} with [{string.Join(", ", description.Members.Select(m => $"{m.ClientId}:{m.ConsumerId}"))}]";
                    if (description.State == ConsumerGroupState.Stable && description.Members.Count == members &&
                        description.Members.Sum(m => m.Assignment.TopicPartitions.Count) == Partitions)
                    {
                        return description;
                    }
                }
                catch (KafkaException ex)
                {
                    seen = ex.Message;
                }
                if (deadline.Elapsed > timeout)
                {
                    throw new TimeoutException($"Group never Stable with {members} members within {timeout}; last seen {seen}.\n" +
                        string.Join('\n', _members.Select(m => $"{m.Name}:\n{m.Transcript()}")));
                }
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var member in _members)
            {
                await member.DisposeAsync();
            }
            if (_producer is not null)
            {
                await _producer.DisposeAsync();
            }
            await StopBrokerAsync();
        }
    }
}
