using LagLab.Broker.Storage;
using LagLab.Broker.Tests.Storage;
using LagLab.Broker.Topics;
using LagLab.Protocol;
using LagLab.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Broker.Tests.Topics;

public sealed class TopicManagerTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));

    public void Dispose() => _directory.Dispose();

    private TopicManager OnDisk(Action<BrokerOptions>? configure = null) => Manager(_directory.Path, configure);

    private TopicManager InMemory(Action<BrokerOptions>? configure = null) => Manager(null, configure);

    private TopicManager Manager(string? dataDirectory, Action<BrokerOptions>? configure)
    {
        var options = new BrokerOptions { DataDirectory = dataDirectory, DefaultPartitions = 2 };
        configure?.Invoke(options);
        return new TopicManager(options, _time, NullLogger.Instance);
    }

    private static KeyValuePair<string, string?>[] Configs(params (string Name, string? Value)[] configs) =>
        configs.Select(c => new KeyValuePair<string, string?>(c.Name, c.Value)).ToArray();

    [Fact]
    public void CreateTopic_Valid_CreatesPartitionsWithStableNonZeroId()
    {
        using var topics = InMemory();

        var result = topics.CreateTopic("orders", 3, 1, []);

        Assert.Equal(ErrorCode.None, result.Error);
        Assert.Equal(3, result.Topic!.Partitions.Count);
        Assert.NotEqual(Guid.Empty, result.Topic.Id);
        Assert.True(topics.TryGetPartition("orders", 2, out _));
        Assert.False(topics.TryGetPartition("orders", 3, out _));
    }

    [Fact]
    public void CreateTopic_DefaultPartitionsAndReplication_UsesBrokerDefault()
    {
        using var topics = InMemory();

        var result = topics.CreateTopic("orders", -1, -1, []);

        Assert.Equal(2, result.Topic!.Partitions.Count);
    }

    [Theory]
    [InlineData("bad name", 1, (short)1, ErrorCode.InvalidTopicException, "illegal")]
    [InlineData("t", 0, (short)1, ErrorCode.InvalidPartitions, "partitions")]
    [InlineData("t", -2, (short)1, ErrorCode.InvalidPartitions, "partitions")]
    [InlineData("t", 10_001, (short)1, ErrorCode.InvalidPartitions, "limit")]
    [InlineData("t", 1, (short)3, ErrorCode.InvalidReplicationFactor, "available brokers: 1")]
    [InlineData("t", 1, (short)0, ErrorCode.InvalidReplicationFactor, "Replication factor")]
    public void CreateTopic_Invalid_FailsWithCodeAndMessage(string name, int partitions, short replicationFactor, ErrorCode expected, string messagePart)
    {
        using var topics = InMemory();

        var result = topics.CreateTopic(name, partitions, replicationFactor, []);

        Assert.Equal(expected, result.Error);
        Assert.Contains(messagePart, result.Message);
        Assert.Empty(topics.Topics);
    }

    [Fact]
    public void CreateTopic_InvalidConfig_IsInvalidConfigNamingIt()
    {
        using var topics = InMemory();

        var result = topics.CreateTopic("t", 1, 1, Configs(("cleanup.policy", "compact")));

        Assert.Equal(ErrorCode.InvalidConfig, result.Error);
        Assert.Contains("cleanup.policy", result.Message);
    }

    [Fact]
    public void CreateTopic_Twice_IsTopicAlreadyExists()
    {
        using var topics = InMemory();
        topics.CreateTopic("t", 1, 1, []);

        Assert.Equal(ErrorCode.TopicAlreadyExists, topics.CreateTopic("t", 1, 1, []).Error);
    }

    [Fact]
    public void CreateTopic_CollidingOnDotAndUnderscore_IsInvalidTopic()
    {
        using var topics = InMemory();
        topics.CreateTopic("a.b", 1, 1, []);

        var result = topics.CreateTopic("a_b", 1, 1, []);

        Assert.Equal(ErrorCode.InvalidTopicException, result.Error);
        Assert.Contains("a.b", result.Message);
    }

    [Fact]
    public void CreateTopic_ValidateOnly_CreatesNothing()
    {
        using var topics = OnDisk();

        var result = topics.CreateTopic("t", 4, 1, [], validateOnly: true);

        Assert.Equal(ErrorCode.None, result.Error);
        Assert.Empty(topics.Topics);
        Assert.False(Directory.Exists(Path.Combine(_directory.Path, "t-0")));
    }

    [Fact]
    public void Restart_OnSameDirectory_RestoresTopicsIdsPartitionsConfigsAndData()
    {
        Guid id;
        using (var topics = OnDisk())
        {
            var topic = topics.CreateTopic("orders", 3, 1, Configs(("retention.ms", "60000"), ("message.timestamp.type", "LogAppendTime"))).Topic!;
            id = topic.Id;
            topic.Partitions[1].Append(Batches.Create(4));
            topics.GetOrCreateInternalTopic("__consumer_offsets", 5);
        }

        using var restarted = OnDisk();

        Assert.True(restarted.TryGetTopic("orders", out var orders));
        Assert.Equal(id, orders.Id);
        Assert.Equal(3, orders.Partitions.Count);
        Assert.Equal(60_000, orders.Config.RetentionMs);
        Assert.Equal(TimestampType.LogAppendTime, orders.Config.TimestampType);
        Assert.Equal(4, orders.Partitions[1].LogEndOffset);
        Assert.False(orders.IsInternal);
        Assert.True(restarted.TryGetTopic("__consumer_offsets", out var offsets));
        Assert.True(offsets.IsInternal);
        Assert.Equal(5, offsets.Partitions.Count);
    }

    [Fact]
    public void Restart_BrokerDefaultChanged_TopicWithoutOverrideFollowsIt()
    {
        using (var topics = OnDisk(o => o.RetentionMs = 1_000))
        {
            topics.CreateTopic("t", 1, 1, []);
        }

        using var restarted = OnDisk(o => o.RetentionMs = 5_000);

        Assert.True(restarted.TryGetTopic("t", out var topic));
        Assert.Equal(5_000, topic.Config.RetentionMs);
    }

    [Fact]
    public void Open_DirectoryInUse_FailsNamingIt()
    {
        using var first = OnDisk();

        var error = Assert.Throws<BrokerStartException>(() => OnDisk());

        Assert.Contains(_directory.Path, error.Message);
    }

    [Fact]
    public void DeleteTopic_RemovesItsDirectoriesAndMetadata()
    {
        using (var topics = OnDisk())
        {
            topics.CreateTopic("gone", 2, 1, []).Topic!.Partitions[0].Append(Batches.Create(1));
            topics.CreateTopic("kept", 1, 1, []);

            Assert.Equal(ErrorCode.None, topics.DeleteTopic("gone").Error);

            Assert.False(Directory.Exists(Path.Combine(_directory.Path, "gone-0")));
            Assert.False(topics.TryGetTopic("gone", out _));
        }

        using var restarted = OnDisk();
        Assert.Equal(["kept"], restarted.Topics.Select(t => t.Name));
    }

    [Fact]
    public void DeleteTopic_Unknown_IsUnknownTopic()
    {
        using var topics = InMemory();

        Assert.Equal(ErrorCode.UnknownTopicOrPartition, topics.DeleteTopic("nope").Error);
    }

    [Fact]
    public void DeleteTopic_Internal_IsRefused()
    {
        using var topics = InMemory();
        topics.GetOrCreateInternalTopic("__consumer_offsets", 3);

        var result = topics.DeleteTopic("__consumer_offsets");

        Assert.NotEqual(ErrorCode.None, result.Error);
        Assert.True(topics.TryGetTopic("__consumer_offsets", out _));
    }

    [Fact]
    public void Open_UnownedPartitionDirectory_RemovedOnlyWhenMarkedOrWithoutRecords()
    {
        using (var topics = OnDisk())
        {
            topics.CreateTopic("t", 1, 1, []);
        }
        Directory.CreateDirectory(Path.Combine(_directory.Path, "empty-0"));
        File.WriteAllBytes(Path.Combine(_directory.Path, "empty-0", "00000000000000000000.log"), []);
        Directory.CreateDirectory(Path.Combine(_directory.Path, "records-0"));
        File.WriteAllBytes(Path.Combine(_directory.Path, "records-0", "00000000000000000000.log"), [1, 2, 3]);
        Directory.CreateDirectory(Path.Combine(_directory.Path, "gone-0.0123abcd-delete"));
        File.WriteAllBytes(Path.Combine(_directory.Path, "gone-0.0123abcd-delete", "00000000000000000000.log"), [1, 2, 3]);
        Directory.CreateDirectory(Path.Combine(_directory.Path, "not-ours-0"));
        File.WriteAllText(Path.Combine(_directory.Path, "not-ours-0", "notes.txt"), "user data");

        using var restarted = OnDisk();

        Assert.False(Directory.Exists(Path.Combine(_directory.Path, "empty-0")));
        Assert.False(Directory.Exists(Path.Combine(_directory.Path, "gone-0.0123abcd-delete")));
        Assert.True(Directory.Exists(Path.Combine(_directory.Path, "records-0")));
        Assert.True(Directory.Exists(Path.Combine(_directory.Path, "not-ours-0")));
        Assert.True(Directory.Exists(Path.Combine(_directory.Path, "t-0")));
    }

    [Fact]
    public void CreateTopic_FolderOfSameNameWithRecords_IsSetAsideNotServed()
    {
        using var topics = OnDisk();
        topics.CreateTopic("t", 1, 1, []).Topic!.Partitions[0].Append(Batches.Create(3));
        Directory.CreateDirectory(Path.Combine(_directory.Path, "fresh-0"));
        File.Copy(Path.Combine(_directory.Path, "t-0", "00000000000000000000.log"), Path.Combine(_directory.Path, "fresh-0", "00000000000000000000.log"));

        var created = topics.CreateTopic("fresh", 1, 1, []).Topic!;

        Assert.Equal(0, created.Partitions[0].LogEndOffset);
        var setAside = Assert.Single(Directory.GetDirectories(_directory.Path, "fresh-0.stale.*"));
        Assert.True(new FileInfo(Path.Combine(setAside, "00000000000000000000.log")).Length > 0);
    }

    [Fact]
    public void CreatePartitions_Increase_AddsEmptyPartitionsAndKeepsData()
    {
        using (var topics = OnDisk())
        {
            var topic = topics.CreateTopic("t", 3, 1, []).Topic!;
            topic.Partitions[2].Append(Batches.Create(5));

            var result = topics.CreatePartitions("t", 12);

            Assert.Equal(ErrorCode.None, result.Error);
            Assert.Equal(12, topic.Partitions.Count);
            Assert.Equal(5, topic.Partitions[2].LogEndOffset);
            Assert.Equal(0, topic.Partitions[11].LogEndOffset);
        }

        using var restarted = OnDisk();
        Assert.True(restarted.TryGetTopic("t", out var reopened));
        Assert.Equal(12, reopened.Partitions.Count);
        Assert.Equal(5, reopened.Partitions[2].LogEndOffset);
    }

    [Theory]
    [InlineData(2, "higher than the requested 2")]
    [InlineData(3, "already has 3 partitions")]
    public void CreatePartitions_NotAnIncrease_IsInvalidPartitions(int count, string messagePart)
    {
        using var topics = InMemory();
        topics.CreateTopic("t", 3, 1, []);

        var result = topics.CreatePartitions("t", count);

        Assert.Equal(ErrorCode.InvalidPartitions, result.Error);
        Assert.Contains(messagePart, result.Message);
    }

    [Fact]
    public void CreatePartitions_ValidateOnly_ChangesNothing()
    {
        using var topics = InMemory();
        var topic = topics.CreateTopic("t", 3, 1, []).Topic!;

        Assert.Equal(ErrorCode.None, topics.CreatePartitions("t", 6, validateOnly: true).Error);

        Assert.Equal(3, topic.Partitions.Count);
    }

    [Fact]
    public void GetOrAutoCreate_Enabled_CreatesWithDefaults()
    {
        using var topics = InMemory();

        var result = topics.GetOrAutoCreate("auto");

        Assert.Equal(ErrorCode.None, result.Error);
        Assert.Equal(2, result.Topic!.Partitions.Count);
        Assert.Same(result.Topic, topics.GetOrAutoCreate("auto").Topic);
    }

    [Fact]
    public void GetOrAutoCreate_Disabled_IsUnknownTopic()
    {
        using var topics = InMemory(o => o.AutoCreateTopics = false);

        Assert.Equal(ErrorCode.UnknownTopicOrPartition, topics.GetOrAutoCreate("auto").Error);
    }

    [Fact]
    public void GetOrCreateInternalTopic_Twice_ReturnsTheSameTopic()
    {
        using var topics = InMemory();

        var first = topics.GetOrCreateInternalTopic("__consumer_offsets", 50, Configs(("retention.ms", "-1")));
        var second = topics.GetOrCreateInternalTopic("__consumer_offsets", 50);

        Assert.Same(first, second);
        Assert.True(first.IsInternal);
        Assert.Equal(50, first.Partitions.Count);
        Assert.Equal(-1, first.Config.RetentionMs);
    }

    [Fact]
    public void ApplyRetention_WithFakeTime_DeletesExpiredSegmentsAcrossTopics()
    {
        using var topics = InMemory();
        var topic = topics.CreateTopic("t", 1, 1, Configs(("retention.ms", "60000"), ("segment.bytes", "200"))).Topic!;
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            topic.Partitions[0].Append(Batches.Create(1, timestamp: now));
        }

        Assert.Equal(0, topics.ApplyRetention());
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(topics.ApplyRetention() > 0);

        Assert.Equal(6, topic.Partitions[0].LogStartOffset);
        Assert.Equal(6, topic.Partitions[0].LogEndOffset);
    }

    [Fact]
    public async Task LogMaintenance_RetentionTick_RunsAPass()
    {
        using var topics = InMemory(o => o.RetentionCheckInterval = TimeSpan.FromSeconds(30));
        var topic = topics.CreateTopic("t", 1, 1, Configs(("retention.ms", "1000"))).Topic!;
        topic.Partitions[0].Append(Batches.Create(2, timestamp: _time.GetUtcNow().ToUnixTimeMilliseconds()));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var maintenance = new LogMaintenance(topics, new BrokerOptions { RetentionCheckInterval = TimeSpan.FromSeconds(30) }, _time, NullLogger.Instance);
        var running = maintenance.RunAsync(cancellation.Token);

        _time.Advance(TimeSpan.FromSeconds(30));
        for (var wait = 0; wait < 500 && topic.Partitions[0].LogStartOffset != 2; wait++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.Equal(2, topic.Partitions[0].LogStartOffset);
        await cancellation.CancelAsync();
        await running;
    }
}
