using LagLab.Broker.Groups;
using LagLab.Broker.Groups.Persistence;
using LagLab.Protocol.Records;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Broker.Tests.Groups.Persistence;

/// <summary>
/// The stand-in for compaction: rewriting the live records lets retention drop everything older, and a
/// replay of what is left gives the same state as a replay of everything.
/// </summary>
public sealed class LiveStateRefreshTests
{
    private static readonly TopicPartition T0 = new("t", 0);
    private static readonly TopicPartition T1 = new("t", 1);

    [Fact]
    public async Task RefreshAsync_RewritesOnlyTheLastRecordOfEachLiveKey()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync((string?)null);
        await h.Commit(group.Leader, group.Generation, offset: 1);
        await h.Commit(group.Leader, group.Generation, offset: 2);
        await h.Commit(group.Leader, group.Generation, offset: 5, topic: "gone");
        var other = await h.Coordinator.CommitOffsetsAsync(new OffsetCommitCommand("simple", "", null, -1, [new OffsetCommitCommand.Partition(T1, 9, -1, null)]));
        await h.Coordinator.DeleteGroupsAsync(["simple"]);
        h.Sink.Records.Clear();

        await h.Coordinator.RefreshAsync();

        var rewritten = h.Sink.Records.Select(r => r.Record).ToArray();
        Assert.Equal(3, rewritten.Length);
        Assert.Equal(2, OffsetCommitValue.Decode(rewritten.Single(r => r.Key == new OffsetCommitKey(CoordinatorHarness.Group, T0)).Value).Offset);
        Assert.Contains(rewritten, r => r.Key == new OffsetCommitKey(CoordinatorHarness.Group, new TopicPartition("gone", 0)));
        var metadata = GroupMetadataValue.Decode(rewritten.Single(r => r.Key is GroupMetadataKey).Value);
        Assert.Equal(group.Generation, metadata.GenerationId);
        Assert.DoesNotContain(rewritten, r => r.Key.Group == "simple");
        Assert.All(h.Sink.Records, r => Assert.Equal(OffsetsTopic.PartitionFor(CoordinatorHarness.Group), r.Partition));
        Assert.Equal(Protocol.ErrorCode.None, other.Single().Error);
    }

    [Fact]
    public async Task ReplayOfWhatFollowsARefresh_EqualsReplayOfEverything()
    {
        var log = new MemoryOffsetsTopicLog();
        var time = new FakeTimeProvider();
        var refreshedFrom = new int[OffsetsTopic.PartitionCount];
        await using (var writer = new OffsetsTopicWriter(log, time, NullLogger.Instance))
        await using (var coordinator = new GroupCoordinator(new GroupCoordinatorOptions(6_000, 1_800_000, 3_000), writer, time, NullLogger.Instance))
        {
            for (var i = 0; i < 300; i++)
            {
                await coordinator.CommitOffsetsAsync(new OffsetCommitCommand($"g{i % 7}", "", null, -1, [new OffsetCommitCommand.Partition(new TopicPartition("t", i % 5), i, -1, null)]));
            }
            await coordinator.DeleteOffsetsAsync("g3", [T0]);
            await coordinator.DeleteGroupsAsync(["g5"]);
            for (var p = 0; p < OffsetsTopic.PartitionCount; p++)
            {
                refreshedFrom[p] = log.ReadBatches(p).Count();
            }
            await coordinator.RefreshAsync();
            await coordinator.CommitOffsetsAsync(new OffsetCommitCommand("g1", "", null, -1, [new OffsetCommitCommand.Partition(T0, 1_000, -1, null)]));
        }
        // What time retention would leave once every segment before the refresh is gone.
        var suffix = new MemoryOffsetsTopicLog();
        for (var p = 0; p < OffsetsTopic.PartitionCount; p++)
        {
            foreach (var batch in log.ReadBatches(p).Skip(refreshedFrom[p]))
            {
                suffix.Append(p, batch);
            }
        }

        var everything = await LoadAsync(log);
        var afterRetention = await LoadAsync(suffix);

        Assert.Equal(everything, afterRetention);
        Assert.DoesNotContain(everything, e => e.StartsWith("g5/", StringComparison.Ordinal) || e == "g3/t-0");
        Assert.Contains("g1/t-0=1000", everything);
        Assert.True(suffix.BatchCount < log.BatchCount / 10, $"{suffix.BatchCount} of {log.BatchCount} batches remain.");
        Assert.True(log.ReadBatches(0).Concat(Enumerable.Range(1, 49).SelectMany(log.ReadBatches)).All(b => RecordBatchReader.ReadRecords(b).Count > 0));
    }

    private static async Task<List<string>> LoadAsync(IOffsetsTopicLog log)
    {
        await using var coordinator = new GroupCoordinator(new GroupCoordinatorOptions(6_000, 1_800_000, 3_000), new RecordingSink(), new FakeTimeProvider(), NullLogger.Instance);
        GroupStateLoader.Load(log, coordinator, NullLogger.Instance);
        return Enumerable.Range(0, 7)
            .SelectMany(g => coordinator.FetchOffsets($"g{g}", null).Select(o => $"g{g}/{o.Partition}={o.Offset!.Offset}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
