using System.Text;
using LagLab.Broker.Groups;
using LagLab.Broker.Groups.Persistence;
using LagLab.Protocol;

namespace LagLab.Broker.Tests.Groups;

public sealed class GroupCoordinatorStaticMembershipTests
{
    [Fact]
    public async Task StaticJoin_WithInstanceId_NeverAsksForMemberId()
    {
        await using var h = new CoordinatorHarness();

        var join = h.Join(instanceId: "i-1", requireKnownMemberId: true);
        h.Advance(CoordinatorHarness.InitialDelayMs);

        var result = await join;
        Assert.Equal(ErrorCode.None, result.Error);
        Assert.StartsWith("i-1-", result.MemberId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticRestart_FollowerInStable_NoRebalanceAndOldAssignment()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync("leader", "follower");
        var recordsBefore = h.Sink.Records.Count;

        var rejoin = await h.Join(instanceId: "follower");

        Assert.Equal(ErrorCode.None, rejoin.Error);
        Assert.NotEqual(group.Follower, rejoin.MemberId);
        Assert.Equal(group.Generation, rejoin.GenerationId);
        Assert.Equal(group.Leader, rejoin.LeaderId);
        Assert.Equal(GroupState.Stable, h.State);
        Assert.Equal(ErrorCode.None, h.Heartbeat(group.Leader, group.Generation, "leader"));
        var sync = await h.Sync(rejoin.MemberId, rejoin.GenerationId, instanceId: "follower");
        Assert.Equal(group.Assignments[group.Follower], Encoding.UTF8.GetString(sync.Assignment.Span));
        // The new member id is made durable (group metadata at v3, which carries instance ids).
        var written = h.Sink.Records.Skip(recordsBefore).Single().Record;
        var value = GroupMetadataValue.Decode(written.Value);
        Assert.Equal(3, BitConverter.ToInt16([written.Value![1], written.Value[0]]));
        Assert.Contains(value.Members, m => m.MemberId == rejoin.MemberId && m.GroupInstanceId == "follower");
    }

    [Fact]
    public async Task StaticRestart_Leader_GetsPreviousLeaderIdSoItActsAsFollower()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync("leader", "follower");

        var rejoin = await h.Join(instanceId: "leader");

        Assert.Equal(group.Leader, rejoin.LeaderId);
        Assert.NotEqual(rejoin.MemberId, rejoin.LeaderId);
        Assert.Empty(rejoin.Members);
        var sync = await h.Sync(rejoin.MemberId, rejoin.GenerationId, instanceId: "leader");
        Assert.Equal(group.Assignments[group.Leader], Encoding.UTF8.GetString(sync.Assignment.Span));
        Assert.Equal(GroupState.Stable, h.State);
    }

    [Fact]
    public async Task StaticRestart_OldMemberId_IsFenced()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync("leader", "follower");
        await h.Join(instanceId: "follower");

        Assert.Equal(ErrorCode.FencedInstanceId, h.Heartbeat(group.Follower, group.Generation, "follower"));
        Assert.Equal(ErrorCode.FencedInstanceId, (await h.Commit(group.Follower, group.Generation, instanceId: "follower")).Single().Error);
        Assert.Equal(ErrorCode.FencedInstanceId, (await h.Sync(group.Follower, group.Generation, instanceId: "follower")).Error);
    }

    [Fact]
    public async Task Validation_FencedBeforeUnknownBeforeIllegalGeneration()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync("leader", null);

        Assert.Equal(ErrorCode.FencedInstanceId, h.Heartbeat("ghost", group.Generation + 5, "leader"));
        Assert.Equal(ErrorCode.UnknownMemberId, h.Heartbeat("ghost", group.Generation + 5, "unknown-instance"));
        Assert.Equal(ErrorCode.UnknownMemberId, h.Heartbeat("ghost", group.Generation + 5));
        Assert.Equal(ErrorCode.IllegalGeneration, h.Heartbeat(group.Leader, group.Generation + 5, "leader"));
    }

    [Fact]
    public async Task StaticRestart_WhileOldIdParkedInJoin_OldRequestIsFenced()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync("leader", "follower");
        var oldParked = h.Join(memberId: group.Follower, instanceId: "follower", protocols: [TestSubscriptions.Range("t", "changed")]);
        Assert.Equal(GroupState.PreparingRebalance, h.State);

        var replacement = h.Join(instanceId: "follower");

        Assert.Equal(ErrorCode.FencedInstanceId, (await oldParked).Error);
        Assert.False(replacement.IsCompleted);
        _ = h.Join(memberId: group.Leader, instanceId: "leader");
        Assert.Equal(ErrorCode.None, (await replacement).Error);
    }

    [Fact]
    public async Task StaticRestart_DuringCompletingRebalance_StartsRebalance()
    {
        await using var h = new CoordinatorHarness();
        var a = h.Join(instanceId: "a");
        var b = h.Join(instanceId: "b");
        h.Advance(6_000);
        await Task.WhenAll(a, b);
        Assert.Equal(GroupState.CompletingRebalance, h.State);

        var rejoin = h.Join(instanceId: "b");

        Assert.False(rejoin.IsCompleted);
        Assert.Equal(GroupState.PreparingRebalance, h.State);
    }

    [Fact]
    public async Task StaticRestart_ChangedProtocolSelection_StartsRebalance()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync("only");

        // Still compatible (range is listed), but the member now prefers roundrobin: the selection would change.
        var rejoin = await h.Join(instanceId: "only", protocols: [TestSubscriptions.RoundRobin(), TestSubscriptions.Range()]);

        // The only member has rejoined, so the rebalance completes at once with a new generation.
        Assert.Equal(group.Generation + 1, rejoin.GenerationId);
        Assert.Equal("roundrobin", rejoin.ProtocolName);
        Assert.Equal(rejoin.MemberId, rejoin.LeaderId);
        Assert.Equal(GroupState.CompletingRebalance, h.State);
    }

    [Fact]
    public async Task RebalanceTimeout_StaticMemberThatDidNotRejoin_IsKept()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync("static", null);
        var staticId = group.MemberIds[0];
        var dynamicId = group.MemberIds[1];

        var newcomer = h.Join(clientId: "newcomer");
        for (var i = 0; i < 60; i++)
        {
            h.Heartbeat(staticId, group.Generation, "static");
            h.Heartbeat(dynamicId, group.Generation);
            h.Advance(1_000, stepMs: 10);
        }

        Assert.Contains(staticId, h.MemberIds);
        Assert.DoesNotContain(dynamicId, h.MemberIds);
        Assert.Equal(ErrorCode.None, (await newcomer).Error);
    }

    [Fact]
    public async Task StaticMember_AwayPastSessionTimeout_IsRemovedAndGroupRebalances()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync("a", "b");
        var a = group.MemberIds[0];
        var b = group.MemberIds[1];

        for (var i = 0; i < 9; i++)
        {
            h.Heartbeat(a, group.Generation, "a");
            h.Advance(1_000);
        }
        h.Heartbeat(a, group.Generation, "a");
        h.Advance(999);
        Assert.Contains(b, h.MemberIds);
        h.Advance(1);

        Assert.DoesNotContain(b, h.MemberIds);
        Assert.Equal(GroupState.PreparingRebalance, h.State);
        var rejoinedLate = h.Join(instanceId: "b");
        Assert.False(rejoinedLate.IsCompleted);
    }

    [Fact]
    public async Task LeaveByInstanceId_RemovesStaticMember()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync("a", "b");

        var result = h.Coordinator.LeaveGroup(CoordinatorHarness.Group, [new MemberIdentity("", "b")]);

        Assert.Equal(ErrorCode.None, Assert.Single(result.Members).Error);
        Assert.DoesNotContain(group.MemberIds[1], h.MemberIds);
        Assert.Equal(GroupState.PreparingRebalance, h.State);
    }
}
