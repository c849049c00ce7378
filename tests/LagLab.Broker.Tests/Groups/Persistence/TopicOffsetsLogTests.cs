using LagLab.Broker.Groups;
using LagLab.Broker.Groups.Persistence;
using LagLab.Broker.Topics;
using LagLab.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Broker.Tests.Groups.Persistence;

public sealed class TopicOffsetsLogTests
{
    private static readonly TopicPartition T0 = new("t", 0);

    [Fact]
    public async Task Open_CreatesInternal50PartitionTopicWithShortRetention()
    {
        using var topics = new TopicManager(new BrokerOptions(), TimeProvider.System, NullLogger.Instance);

        TopicOffsetsLog.Open(topics);

        Assert.True(topics.TryGetTopic(OffsetsTopic.Name, out var topic));
        Assert.True(topic.IsInternal);
        Assert.Equal(50, topic.Partitions.Count);
        Assert.Equal((long)OffsetsTopic.Retention.TotalMilliseconds, topic.Config.RetentionMs);
        Assert.True(OffsetsTopic.RefreshInterval < OffsetsTopic.Retention / 2);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task CommitsAndGroups_SurviveAReopenOfTheDataDirectory()
    {
        using var dataDir = new TemporaryDirectory();
        var options = new BrokerOptions { DataDirectory = dataDir.Path };
        using (var topics = new TopicManager(options, TimeProvider.System, NullLogger.Instance))
        {
            var log = TopicOffsetsLog.Open(topics);
            await using var writer = new OffsetsTopicWriter(log, TimeProvider.System, NullLogger.Instance);
            await using var coordinator = new GroupCoordinator(new GroupCoordinatorOptions(6_000, 1_800_000, 3_000), writer, new FakeTimeProvider(), NullLogger.Instance);
            for (var i = 0; i < 2_500; i++)
            {
                // Many commits in flight at once: the writer folds them into few batches.
                _ = coordinator.CommitOffsetsAsync(new OffsetCommitCommand("g", "", null, -1, [new OffsetCommitCommand.Partition(new TopicPartition("t", i % 3), i, -1, null)]));
            }
            var last = await coordinator.CommitOffsetsAsync(new OffsetCommitCommand("other", "", null, -1, [new OffsetCommitCommand.Partition(T0, 7, 3, "m")]));
            Assert.Equal(Protocol.ErrorCode.None, last.Single().Error);
        }

        using var reopened = new TopicManager(options, TimeProvider.System, NullLogger.Instance);
        await using var restored = new GroupCoordinator(new GroupCoordinatorOptions(6_000, 1_800_000, 3_000), new RecordingSink(), new FakeTimeProvider(), NullLogger.Instance);
        GroupStateLoader.Load(TopicOffsetsLog.Open(reopened), restored, NullLogger.Instance);

        Assert.Equal([2_499L, 2_497L, 2_498L], restored.FetchOffsets("g", null).Select(o => o.Offset!.Offset));
        Assert.Equal(new CommittedOffset(7, 3, "m", restored.FetchOffsets("other", null).Single().Offset!.CommitTimestampMs), restored.FetchOffsets("other", null).Single().Offset);
    }

    [Fact]
    public async Task BrokerStart_RewritesTheLiveStateSoRetentionAfterALongStopLosesNothing()
    {
        using var dataDir = new TemporaryDirectory();
        var options = new BrokerOptions { Port = 0, DataDirectory = dataDir.Path };
        await using (var broker = await KafkaBroker.StartAsync(options))
        {
            broker.Topics.CreateTopic("t", 1, 1, []);
            await using var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, TestContext.Current.CancellationToken);
            await client.SendAsync<Protocol.Messages.OffsetCommit.OffsetCommitRequest, Protocol.Messages.OffsetCommit.OffsetCommitResponse>(
                new(GroupId, [new("t", [new(0, 42, null)])]), 2, TestContext.Current.CancellationToken);
        }
        var partition = OffsetsTopic.PartitionFor(GroupId);

        // The clock jumps a day: every record written before is past retention.
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(1));
        await using (var restarted = await KafkaBroker.StartAsync(options, timeProvider: later))
        {
            Assert.True(restarted.Topics.TryGetPartition(OffsetsTopic.Name, partition, out var log));
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (log.LogEndOffset < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
            Assert.Equal(2, log.LogEndOffset);
            // Without the rewrite, the segment's newest record would be a day old: retention would roll it and drop it all.
            restarted.Topics.ApplyRetention();
            Assert.Equal(2, log.LogEndOffset);
        }

        await using var again = await KafkaBroker.StartAsync(options);
        await using var reader = await RawKafkaClient.ConnectAsync("127.0.0.1", again.Port, TestContext.Current.CancellationToken);
        var fetched = await reader.SendAsync<Protocol.Messages.OffsetFetch.OffsetFetchRequest, Protocol.Messages.OffsetFetch.OffsetFetchResponse>(
            new(GroupId, null), 2, TestContext.Current.CancellationToken);
        Assert.Equal(42, fetched.Topics.Single().Partitions.Single().CommittedOffset);
    }

    private const string GroupId = "survivor";
}
