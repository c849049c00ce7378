using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LagLab.Monitor.Analysis;
using LagLab.Testing;

namespace LagLab.Monitor.Tests.Integration;

/// <summary>The monitor against the embedded broker over TCP, with real consumer groups driven by the real client.</summary>
public sealed class MonitorOnBrokerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Collect_KnownProduceAndCommits_ExactLagPerPartitionNoCommitFlaggedEmptyGroupIncluded()
    {
        await using var fx = await BrokerFixture.StartAsync();
        var topic = KafkaClients.UniqueTopic("lag");
        await KafkaClients.CreateTopicAsync(fx.Bootstrap, topic, 3);
        await fx.ProduceAsync(topic, 100, 50, 20);
        fx.Commit("known", topic, (0, 40), (1, 50));
        var monitor = await fx.StartMonitorAsync(fx.MonitorOptions());

        var group = await BrokerFixture.WaitForGroupAsync(monitor, "known", g => g.Partitions.Count == 3);
        var metrics = await BrokerFixture.WaitForMetricsAsync(monitor, t => t.Contains("kafka_consumer_lag{group=\"known\"", StringComparison.Ordinal));

        Assert.Equal([60L, 0L, null], group.Partitions.Select(p => p.Lag));
        Assert.True(group.Partitions[2].NoCommit);
        Assert.Equal(60, group.LagSum);
        Assert.Empty(group.Members);
        Assert.Equal("Empty", group.State);
        Assert.Contains($"kafka_consumer_lag{{group=\"known\",partition=\"0\",topic=\"{topic}\"}} 60\n", metrics, StringComparison.Ordinal);
        Assert.Contains($"kafka_consumer_lag{{group=\"known\",partition=\"1\",topic=\"{topic}\"}} 0\n", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain($"kafka_consumer_lag{{group=\"known\",partition=\"2\"", metrics, StringComparison.Ordinal);
        Assert.Contains($"kafka_partition_latest_offset{{partition=\"2\",topic=\"{topic}\"}} 20\n", metrics, StringComparison.Ordinal);
        Assert.Contains("kafka_consumergroup_lag_sum{group=\"known\"} 60\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_GroupWithoutConsumersAndLag_GoesToStopped()
    {
        await using var fx = await BrokerFixture.StartAsync();
        var topic = KafkaClients.UniqueTopic("stop");
        await KafkaClients.CreateTopicAsync(fx.Bootstrap, topic, 1);
        await fx.ProduceAsync(topic, 30);
        fx.Commit("gone", topic, (0, 10));
        var monitor = await fx.StartMonitorAsync(fx.MonitorOptions());

        var group = await BrokerFixture.WaitForGroupAsync(monitor, "gone", g => g.Status == ConsumerStatus.Stopped);

        Assert.Equal(20, group.LagSum);
        Assert.Contains(monitor.Alerts, a => a.Name == "KafkaConsumerGroupStopped" && a.Labels["group"] == "gone");
    }

    [Fact]
    public async Task Status_LiveConsumerCommittingSameOffset_GoesToStalled()
    {
        await using var fx = await BrokerFixture.StartAsync();
        var topic = KafkaClients.UniqueTopic("stall");
        await KafkaClients.CreateTopicAsync(fx.Bootstrap, topic, 1);
        await fx.ProduceAsync(topic, 30);
        var monitor = await fx.StartMonitorAsync(fx.MonitorOptions());
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = fx.Bootstrap, GroupId = "stuck", EnableAutoCommit = false, AutoOffsetReset = AutoOffsetReset.Earliest,
            SessionTimeoutMs = 6000, HeartbeatIntervalMs = 500,
        }).Build();
        consumer.Subscribe(topic);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        // A poison record: the consumer keeps committing offset 5 and never gets past it.
        var loop = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                consumer.Consume(TimeSpan.FromMilliseconds(100));
                if (consumer.Assignment.Count > 0)
                {
                    consumer.Commit([new TopicPartitionOffset(topic, 0, 5)]);
                }
            }
        }, Token);

        GroupView group;
        try
        {
            group = await BrokerFixture.WaitForGroupAsync(monitor, "stuck", g => g.Status == ConsumerStatus.Stalled, TimeSpan.FromSeconds(60));
        }
        finally
        {
            // Also when the wait fails: disposing the consumer while the loop is inside Consume crashes the
            // test host (librdkafka), which hides the failure.
            await stop.CancelAsync();
            await loop;
        }
        consumer.Close();

        Assert.Equal(25, group.LagSum);
        Assert.Single(group.Members);
        Assert.NotNull(group.Partitions[0].Owner);
    }

    [Fact]
    public async Task Status_ConsumerSlowerThanProducer_GoesToLagging()
    {
        await using var fx = await BrokerFixture.StartAsync();
        var topic = KafkaClients.UniqueTopic("slow");
        await KafkaClients.CreateTopicAsync(fx.Bootstrap, topic, 1);
        await fx.ProduceAsync(topic, 10);
        fx.Commit("slow", topic, (0, 0));
        var monitor = await fx.StartMonitorAsync(fx.MonitorOptions());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var committed = 0L;
        // Produces 40 records per tick and commits 10 more per tick: progress, but lag keeps growing.
        var driver = Task.Run(async () =>
        {
            using var producer = KafkaClients.Producer(fx.Bootstrap);
            using var committer = KafkaClients.AssignConsumer(fx.Bootstrap, c => c.GroupId = "slow");
            while (!stop.IsCancellationRequested)
            {
                for (var i = 0; i < 40; i++)
                {
                    producer.Produce(new TopicPartition(topic, 0), new Message<byte[]?, byte[]?> { Value = [1] });
                }
                producer.Flush(TimeSpan.FromSeconds(5));
                committed += 10;
                committer.Commit([new TopicPartitionOffset(topic, 0, committed)]);
                await Task.Delay(150, CancellationToken.None);
            }
        }, Token);

        GroupView group;
        try
        {
            group = await BrokerFixture.WaitForGroupAsync(monitor, "slow", g => g.Status == ConsumerStatus.Lagging, TimeSpan.FromSeconds(60));
        }
        finally
        {
            await stop.CancelAsync(); // also when the wait fails: the driver must not outlive the broker
            await driver;
        }

        Assert.True(group.GrowthPerSecond > 0, $"growth {group.GrowthPerSecond}");
        Assert.Null(group.DrainSeconds);
        Assert.All(group.Breaches, b => Assert.NotNull(b.Seconds));
    }

    [Fact]
    public async Task Metrics_DeletedTopicAndDeletedGroup_Disappear()
    {
        await using var fx = await BrokerFixture.StartAsync();
        var kept = KafkaClients.UniqueTopic("kept");
        var doomed = KafkaClients.UniqueTopic("doomed");
        await KafkaClients.CreateTopicAsync(fx.Bootstrap, kept, 1);
        await KafkaClients.CreateTopicAsync(fx.Bootstrap, doomed, 1);
        await fx.ProduceAsync(kept, 5);
        await fx.ProduceAsync(doomed, 5);
        fx.Commit("stays", kept, (0, 1));
        fx.Commit("stays", doomed, (0, 1));
        fx.Commit("leaves", kept, (0, 2));
        var monitor = await fx.StartMonitorAsync(fx.MonitorOptions());
        await BrokerFixture.WaitForMetricsAsync(monitor, t => t.Contains($"topic=\"{doomed}\"", StringComparison.Ordinal) && t.Contains("group=\"leaves\"", StringComparison.Ordinal));

        using (var admin = KafkaClients.Admin(fx.Bootstrap))
        {
            await admin.DeleteTopicsAsync([doomed]);
            await admin.DeleteGroupsAsync(["leaves"]);
        }
        var metrics = await BrokerFixture.WaitForMetricsAsync(monitor, t => !t.Contains($"topic=\"{doomed}\"", StringComparison.Ordinal) && !t.Contains("group=\"leaves\"", StringComparison.Ordinal));

        Assert.Contains($"kafka_consumer_lag{{group=\"stays\",partition=\"0\",topic=\"{kept}\"}} 4\n", metrics, StringComparison.Ordinal);
        Assert.Null(monitor.View.FindGroup("leaves"));
    }

    [Fact]
    public async Task Retention_DeletesUnconsumedRecords_RaisesDataLoss()
    {
        await using var fx = await BrokerFixture.StartAsync(o => o.RetentionCheckInterval = TimeSpan.FromMilliseconds(100));
        var topic = KafkaClients.UniqueTopic("ret");
        await KafkaClients.CreateTopicAsync(fx.Bootstrap, topic, 1, new Dictionary<string, string> { ["retention.ms"] = "500", ["segment.bytes"] = "1024" });
        await fx.ProduceAsync(topic, 200);
        fx.Commit("late", topic, (0, 3));
        var monitor = await fx.StartMonitorAsync(fx.MonitorOptions());

        var group = await BrokerFixture.WaitForGroupAsync(monitor, "late", g => g.DataLoss, TimeSpan.FromSeconds(60));
        var metrics = await BrokerFixture.WaitForMetricsAsync(monitor, _ => monitor.Alerts.Any(a => a.Name == "KafkaConsumerDataLoss"));

        Assert.True(group.Partitions[0].Earliest > 3);
        Assert.Equal(0, group.Partitions[0].RetentionMarginSeconds);
        Assert.Contains("kafka_consumer_retention_margin_seconds{group=\"late\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeLag_VaryingRateWithKnownTimestamps_ExactEqualsAgeEstimateWithinTolerance()
    {
        await using var fx = await BrokerFixture.StartAsync();
        var topic = KafkaClients.UniqueTopic("age");
        await KafkaClients.CreateTopicAsync(fx.Bootstrap, topic, 2);
        var interval = TimeSpan.FromMilliseconds(200);
        var exactOptions = fx.MonitorOptions(interval);
        exactOptions.TimeLagMode = TimeLagMode.Exact;
        var estimateOptions = fx.MonitorOptions(interval);
        estimateOptions.TimeLagMode = TimeLagMode.Estimate;
        var exact = await fx.StartMonitorAsync(exactOptions);
        var estimate = await fx.StartMonitorAsync(estimateOptions);
        // Production at a rate that changes every half second, for three seconds, both monitors sampling.
        var stamps = new Dictionary<long, DateTimeOffset>();
        // The times at which the estimating monitor actually sampled the end offsets: on a loaded machine its
        // cycles are further apart than the interval, and interpolation can only be as fine as its samples.
        var cycles = new SortedSet<DateTimeOffset>();
        using var sampled = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var sampler = Task.Run(async () =>
        {
            while (!sampled.IsCancellationRequested)
            {
                if (estimate.View.Time is var time && time != MonitorView.Empty.Time)
                {
                    cycles.Add(time);
                }
                await Task.Delay(5, CancellationToken.None);
            }
        }, Token);
        using (var producer = KafkaClients.Producer(fx.Bootstrap))
        {
            var started = DateTime.UtcNow;
            var rates = new[] { 20, 200, 5, 100, 50, 300 };
            while (DateTime.UtcNow - started < TimeSpan.FromSeconds(3))
            {
                var rate = rates[(int)((DateTime.UtcNow - started).TotalMilliseconds / 500) % rates.Length];
                var result = await producer.ProduceAsync(new TopicPartition(topic, 0), new Message<byte[]?, byte[]?> { Value = [1], Timestamp = new Timestamp(DateTime.UtcNow) }, Token);
                stamps[result.Offset.Value] = result.Message.Timestamp.UtcDateTime;
                await Task.Delay(1000 / rate, Token);
            }
        }
        await Task.Delay(1000, Token);
        await sampled.CancelAsync();
        await sampler;
        var target = stamps.Keys.Order().ElementAt(stamps.Count / 3);
        fx.Commit("aged", topic, (0, target));

        // The group can be listed before its partitions are; each age is compared with the time of its own cycle.
        var (exactSnapshot, exactView) = await BrokerFixture.WaitForSnapshotAsync(exact, "aged", g => g.Partitions.Count > 0 && g.Partitions[0].TimeLagMethod == TimeLagMethod.Exact);
        var (estimateSnapshot, estimateView) = await BrokerFixture.WaitForSnapshotAsync(estimate, "aged", g => g.Partitions.Count > 0 && g.Partitions[0].TimeLagSeconds is not null);

        var exactAge = (exactView.Partitions[0].TimeLagSeconds!.Value, (exactSnapshot.Time - stamps[target]).TotalSeconds);
        var estimateAge = (estimateView.Partitions[0].TimeLagSeconds!.Value, (estimateSnapshot.Time - stamps[target]).TotalSeconds);
        Assert.Equal(exactAge.Item2, exactAge.Item1, 0.01);
        Assert.Equal(TimeLagMethod.Interpolated, estimateView.Partitions[0].TimeLagMethod);
        var before = cycles.GetViewBetween(DateTimeOffset.MinValue, stamps[target]).Max;
        var after = cycles.GetViewBetween(stamps[target], DateTimeOffset.MaxValue).Min;
        var samplingGap = before == default || after == default ? interval : after - before;
        var tolerance = Math.Max(0.1 * estimateAge.Item2, Math.Max(interval.TotalSeconds, samplingGap.TotalSeconds) * 1.5);
        Assert.InRange(estimateAge.Item1, estimateAge.Item2 - tolerance, estimateAge.Item2 + tolerance);
    }

    [Fact]
    public async Task Faults_BrokerUnreachable_UpZeroNoStaleLagThenRecovers()
    {
        var port = FreePort.Next();
        await using var fx = await BrokerFixture.StartAsync(o => o.Port = port);
        var topic = KafkaClients.UniqueTopic("fault");
        await KafkaClients.CreateTopicAsync(fx.Bootstrap, topic, 1);
        await fx.ProduceAsync(topic, 10);
        fx.Commit("watched", topic, (0, 4));
        var options = fx.MonitorOptions();
        options.CycleTimeout = TimeSpan.FromSeconds(1);
        var monitor = await fx.StartMonitorAsync(options);
        await BrokerFixture.WaitForMetricsAsync(monitor, t => t.Contains("kafka_consumer_lag{group=\"watched\"", StringComparison.Ordinal));

        await fx.StopAsync();
        var down = await BrokerFixture.WaitForMetricsAsync(monitor, t => t.Contains("laglab_monitor_up 0\n", StringComparison.Ordinal));
        await fx.RestartAsync(port);
        await KafkaClients.CreateTopicAsync(fx.Bootstrap, topic, 1);
        await fx.ProduceAsync(topic, 7);
        fx.Commit("watched", topic, (0, 2));
        var recovered = await BrokerFixture.WaitForMetricsAsync(monitor, t => t.Contains("laglab_monitor_up 1\n", StringComparison.Ordinal) && t.Contains("kafka_consumer_lag{group=\"watched\"", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        Assert.DoesNotContain("kafka_consumer_lag", down, StringComparison.Ordinal);
        Assert.Contains($"kafka_consumer_lag{{group=\"watched\",partition=\"0\",topic=\"{topic}\"}} 5\n", recovered, StringComparison.Ordinal);
    }
}
