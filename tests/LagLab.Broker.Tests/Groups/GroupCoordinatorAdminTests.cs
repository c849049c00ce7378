using System.Text;
using LagLab.Broker.Groups;
using LagLab.Broker.Groups.Persistence;
using LagLab.Protocol;

namespace LagLab.Broker.Tests.Groups;

public sealed class GroupCoordinatorAdminTests
{
    [Fact]
    public async Task ListGroups_StateFilter_IsCaseInsensitive()
    {
        await using var h = new CoordinatorHarness();
        await h.FormStableGroupAsync((string?)null);
        await h.Coordinator.CommitOffsetsAsync(new OffsetCommitCommand("simple", "", null, -1, [new OffsetCommitCommand.Partition(new TopicPartition("t", 0), 1, -1, null)]));

        var all = h.Coordinator.ListGroups([]);
        var stable = h.Coordinator.ListGroups(["stable"]);
        var empty = h.Coordinator.ListGroups(["Empty", "Dead"]);

        Assert.Equal(["g", "simple"], all.Select(g => g.GroupId));
        Assert.Equal(("g", "consumer"), (stable.Single().GroupId, stable.Single().ProtocolType));
        Assert.Equal(("simple", string.Empty), (empty.Single().GroupId, empty.Single().ProtocolType));
    }

    [Fact]
    public async Task DescribeGroup_Unknown_IsDeadWithNoMembers()
    {
        await using var h = new CoordinatorHarness();

        var description = h.Coordinator.DescribeGroup("nope");

        Assert.Equal(GroupState.Dead, description.State);
        Assert.Empty(description.Members);
        Assert.Equal(string.Empty, description.ProtocolType);
    }

    [Fact]
    public async Task DescribeGroup_Stable_ShowsProtocolMetadataAndAssignments()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync("i", null);

        var description = h.Coordinator.DescribeGroup(CoordinatorHarness.Group);

        Assert.Equal(GroupState.Stable, description.State);
        Assert.Equal("range", description.ProtocolName);
        var leader = description.Members.Single(m => m.MemberId == group.Leader);
        Assert.Equal("i", leader.GroupInstanceId);
        Assert.Equal("client-0", leader.ClientId);
        Assert.Equal("/127.0.0.1", leader.ClientHost);
        Assert.Equal(group.Assignments[group.Leader], Encoding.UTF8.GetString(leader.Assignment.Span));
        Assert.False(leader.Metadata.IsEmpty);
    }

    [Fact]
    public async Task DescribeGroup_NotStable_HidesProtocolAndMemberBytes()
    {
        await using var h = new CoordinatorHarness();
        _ = h.Join();

        var description = h.Coordinator.DescribeGroup(CoordinatorHarness.Group);

        Assert.Equal(GroupState.PreparingRebalance, description.State);
        Assert.Equal(string.Empty, description.ProtocolName);
        var member = Assert.Single(description.Members);
        Assert.True(member.Metadata.IsEmpty && member.Assignment.IsEmpty);
    }

    [Fact]
    public async Task Restore_FromWrittenRecords_StaticMemberRestartsWithoutRebalance()
    {
        GroupMetadataValue written;
        CommittedOffset committed;
        await using (var before = new CoordinatorHarness())
        {
            var group = await before.FormStableGroupAsync("a", "b");
            await before.Commit(group.Leader, group.Generation, offset: 17, instanceId: "a");
            written = GroupMetadataValue.Decode(before.Sink.Records.Last(r => r.Record.Key is GroupMetadataKey).Record.Value);
            committed = OffsetCommitValue.Decode(before.Sink.Records.Last(r => r.Record.Key is OffsetCommitKey).Record.Value);
        }
        await using var h = new CoordinatorHarness();

        h.Coordinator.Restore(
            new Dictionary<string, GroupMetadataValue> { [CoordinatorHarness.Group] = written },
            new Dictionary<string, Dictionary<TopicPartition, CommittedOffset>> { [CoordinatorHarness.Group] = new() { [new TopicPartition("t", 0)] = committed } });
        var rejoin = await h.Join(instanceId: "b");

        Assert.Equal(GroupState.Stable, h.State);
        Assert.Equal(ErrorCode.None, rejoin.Error);
        Assert.Equal(written.GenerationId, rejoin.GenerationId);
        var sync = await h.Sync(rejoin.MemberId, rejoin.GenerationId, instanceId: "b");
        Assert.Equal("A1", Encoding.UTF8.GetString(sync.Assignment.Span));
        Assert.Equal(17, h.Coordinator.FetchOffsets(CoordinatorHarness.Group, null).Single().Offset!.Offset);
    }

    [Fact]
    public async Task Restore_MembersThatNeverComeBack_ExpireAfterTheirSessionTimeout()
    {
        GroupMetadataValue written;
        await using (var before = new CoordinatorHarness())
        {
            await before.FormStableGroupAsync(null, null);
            written = GroupMetadataValue.Decode(before.Sink.Records.Last().Record.Value);
        }
        await using var h = new CoordinatorHarness();
        h.Coordinator.Restore(new Dictionary<string, GroupMetadataValue> { [CoordinatorHarness.Group] = written }, new Dictionary<string, Dictionary<TopicPartition, CommittedOffset>>());

        h.Advance(CoordinatorHarness.SessionTimeoutMs);

        Assert.Empty(h.MemberIds);
        Assert.Equal(GroupState.Empty, h.State);
        Assert.Equal(written.GenerationId + 1, h.Generation);
    }
}
