using LagLab.Broker.Groups;
using LagLab.Broker.Groups.Persistence;
using LagLab.Protocol;

namespace LagLab.Broker.Tests.Groups;

public sealed class GroupCoordinatorOffsetTests
{
    private static readonly TopicPartition T0 = new("t", 0);

    [Fact]
    public async Task Commit_OutsideGroupManagement_CreatesEmptyGroupAndIsFetchable()
    {
        await using var h = new CoordinatorHarness();

        var result = await h.Commit("", -1, offset: 7, metadata: "m");

        Assert.Equal(ErrorCode.None, result.Single().Error);
        Assert.Equal(GroupState.Empty, h.State);
        var fetched = h.Coordinator.FetchOffsets(CoordinatorHarness.Group, [T0]).Single();
        Assert.Equal(7, fetched.Offset!.Offset);
        Assert.Equal("m", fetched.Offset.Metadata);
        Assert.Equal(h.Time.GetUtcNow().ToUnixTimeMilliseconds(), fetched.Offset.CommitTimestampMs);
    }

    [Fact]
    public async Task Commit_WithGenerationToMissingGroup_IsIllegalGeneration()
    {
        await using var h = new CoordinatorHarness();

        var result = await h.Commit("m", 3);

        Assert.Equal(ErrorCode.IllegalGeneration, result.Single().Error);
        Assert.Null(h.Coordinator.FindGroup(CoordinatorHarness.Group));
    }

    [Fact]
    public async Task Commit_ByNonMemberWithoutGenerationToActiveGroup_IsUnknownMemberId()
    {
        await using var h = new CoordinatorHarness();
        await h.FormStableGroupAsync((string?)null);

        Assert.Equal(ErrorCode.UnknownMemberId, (await h.Commit("", -1)).Single().Error);
    }

    [Fact]
    public async Task Commit_DuringPreparingRebalance_IsAccepted()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);
        _ = h.Join(clientId: "newcomer");
        Assert.Equal(GroupState.PreparingRebalance, h.State);

        var result = await h.Commit(group.Follower, group.Generation, offset: 99);

        Assert.Equal(ErrorCode.None, result.Single().Error);
        Assert.Equal(99, h.Coordinator.FetchOffsets(CoordinatorHarness.Group, [T0]).Single().Offset!.Offset);
    }

    [Fact]
    public async Task Commit_DuringCompletingRebalance_IsRebalanceInProgress()
    {
        await using var h = new CoordinatorHarness();
        var join = h.Join();
        h.Advance(CoordinatorHarness.InitialDelayMs);
        var member = await join;

        var result = await h.Commit(member.MemberId, member.GenerationId);

        Assert.Equal(ErrorCode.RebalanceInProgress, result.Single().Error);
    }

    [Fact]
    public async Task Commit_StaleGeneration_IsIllegalGeneration()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync((string?)null);

        Assert.Equal(ErrorCode.IllegalGeneration, (await h.Commit(group.Leader, group.Generation - 1)).Single().Error);
    }

    [Theory]
    [InlineData(4096, ErrorCode.None)]
    [InlineData(4097, ErrorCode.OffsetMetadataTooLarge)]
    public async Task Commit_MetadataSize_IsLimitedTo4096(int length, ErrorCode expected)
    {
        await using var h = new CoordinatorHarness();

        var result = await h.Commit("", -1, metadata: new string('x', length));

        Assert.Equal(expected, result.Single().Error);
    }

    [Fact]
    public async Task Commit_WritesOffsetRecordToTheGroupsPartition_AndIsVisibleOnlyWhenDurable()
    {
        await using var h = new CoordinatorHarness();
        h.Sink.Hold = true;

        var commit = h.Commit("", -1, offset: 5);
        Assert.False(commit.IsCompleted);
        Assert.Null(h.Coordinator.FetchOffsets(CoordinatorHarness.Group, [T0]).Single().Offset);
        h.Sink.ReleaseAll();
        await commit;

        Assert.Equal(5, h.Coordinator.FetchOffsets(CoordinatorHarness.Group, [T0]).Single().Offset!.Offset);
        var (partition, record) = h.Sink.Records.Single();
        Assert.Equal(OffsetsTopic.PartitionFor(CoordinatorHarness.Group), partition);
        Assert.Equal(new OffsetCommitKey(CoordinatorHarness.Group, T0), record.Key);
        Assert.Equal(5, OffsetCommitValue.Decode(record.Value).Offset);
    }

    [Fact]
    public async Task Commit_WriteFails_IsCoordinatorNotAvailableAndNotVisible()
    {
        await using var h = new CoordinatorHarness();
        h.Sink.Hold = true;

        var commit = h.Commit("", -1, offset: 5);
        h.Sink.FailAll();

        Assert.Equal(ErrorCode.CoordinatorNotAvailable, (await commit).Single().Error);
        Assert.Null(h.Coordinator.FetchOffsets(CoordinatorHarness.Group, [T0]).Single().Offset);
    }

    [Fact]
    public async Task Fetch_NullPartitions_ReturnsEveryCommittedPartition()
    {
        await using var h = new CoordinatorHarness();
        await h.Commit("", -1, offset: 1, topic: "b");
        await h.Commit("", -1, offset: 2, topic: "a");

        var all = h.Coordinator.FetchOffsets(CoordinatorHarness.Group, null);

        Assert.Equal(["a", "b"], all.Select(o => o.Partition.Topic));
        Assert.Empty(h.Coordinator.FetchOffsets("unknown", null));
        Assert.Null(h.Coordinator.FetchOffsets("unknown", [T0]).Single().Offset);
    }

    [Fact]
    public async Task DeleteGroups_ByState_NonEmptyRefusedEmptyBuriedUnknownNotFound()
    {
        await using var h = new CoordinatorHarness();
        await h.Commit("", -1, offset: 1);
        await h.Coordinator.CommitOffsetsAsync(new OffsetCommitCommand("active", "", null, -1, []));
        var active = h.Coordinator.JoinGroupAsync(new JoinGroupCommand("active", "", null, false, "c", "/h", 60_000, 10_000, "consumer", [TestSubscriptions.Range()]));

        var results = await h.Coordinator.DeleteGroupsAsync([CoordinatorHarness.Group, "active", "unknown"]);

        Assert.Equal([ErrorCode.None, ErrorCode.NonEmptyGroup, ErrorCode.GroupIdNotFound], results.Select(r => r.Error));
        Assert.Null(h.Coordinator.FindGroup(CoordinatorHarness.Group));
        var tombstones = h.Sink.Records.Where(r => r.Record.Value is null).Select(r => r.Record.Key).ToArray();
        Assert.Contains(new OffsetCommitKey(CoordinatorHarness.Group, T0), tombstones);
        Assert.Contains(new GroupMetadataKey(CoordinatorHarness.Group), tombstones);
        Assert.False(active.IsCompleted);
    }

    [Fact]
    public async Task DeleteOffsets_ActiveConsumerGroup_KeepsSubscribedTopicsDeletesOthers()
    {
        await using var h = new CoordinatorHarness();
        var join = h.Join(protocols: [TestSubscriptions.Range("t")]);
        h.Advance(CoordinatorHarness.InitialDelayMs);
        var member = await join;
        await h.Sync(member.MemberId, member.GenerationId, new Dictionary<string, string>());
        await h.Commit(member.MemberId, member.GenerationId, topic: "t");
        await h.Commit(member.MemberId, member.GenerationId, topic: "old");

        var (error, partitions) = await h.Coordinator.DeleteOffsetsAsync(CoordinatorHarness.Group, [new TopicPartition("t", 0), new TopicPartition("old", 0)]);

        Assert.Equal(ErrorCode.None, error);
        Assert.Equal([ErrorCode.GroupSubscribedToTopic, ErrorCode.None], partitions.Select(p => p.Error));
        Assert.Equal(["t"], h.Coordinator.FetchOffsets(CoordinatorHarness.Group, null).Select(o => o.Partition.Topic));
    }

    [Fact]
    public async Task DeleteOffsets_LastOffsetOfEmptyGroup_DeletesTheGroup()
    {
        await using var h = new CoordinatorHarness();
        await h.Commit("", -1);

        var (error, partitions) = await h.Coordinator.DeleteOffsetsAsync(CoordinatorHarness.Group, [T0]);

        Assert.Equal(ErrorCode.None, error);
        Assert.Equal(ErrorCode.None, partitions.Single().Error);
        Assert.Null(h.Coordinator.FindGroup(CoordinatorHarness.Group));
        Assert.Equal(ErrorCode.GroupIdNotFound, (await h.Coordinator.DeleteOffsetsAsync(CoordinatorHarness.Group, [T0])).Error);
    }
}
