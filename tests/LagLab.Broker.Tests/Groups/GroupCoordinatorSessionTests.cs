using LagLab.Broker.Groups;
using LagLab.Protocol;

namespace LagLab.Broker.Tests.Groups;

public sealed class GroupCoordinatorSessionTests
{
    [Fact]
    public async Task Heartbeat_ByState_AnswersAsKafka()
    {
        await using var h = new CoordinatorHarness();
        var a = h.Join(clientId: "a");
        h.Advance(CoordinatorHarness.InitialDelayMs);
        var joined = await a;

        Assert.Equal(ErrorCode.None, h.Heartbeat(joined.MemberId, joined.GenerationId));
        await h.Sync(joined.MemberId, joined.GenerationId, new Dictionary<string, string>());
        Assert.Equal(ErrorCode.None, h.Heartbeat(joined.MemberId, joined.GenerationId));
        _ = h.Join(clientId: "b");
        Assert.Equal(ErrorCode.RebalanceInProgress, h.Heartbeat(joined.MemberId, joined.GenerationId));
        Assert.Equal(ErrorCode.IllegalGeneration, h.Heartbeat(joined.MemberId, joined.GenerationId + 1));
        Assert.Equal(ErrorCode.UnknownMemberId, h.Heartbeat("ghost", joined.GenerationId));
        Assert.Equal(ErrorCode.UnknownMemberId, h.Coordinator.Heartbeat("no-such-group", "m", null, 1));
        Assert.Equal(ErrorCode.InvalidGroupId, h.Coordinator.Heartbeat("", "m", null, 1));
    }

    [Fact]
    public async Task Session_NoHeartbeat_MemberRemovedExactlyAtSessionTimeout()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);
        h.Heartbeat(group.Leader, group.Generation);

        // The leader keeps heartbeating; the follower goes silent right after its sync.
        h.Advance(CoordinatorHarness.SessionTimeoutMs - 1);
        Assert.Contains(group.Follower, h.MemberIds);
        h.Heartbeat(group.Leader, group.Generation);
        h.Advance(1);

        Assert.DoesNotContain(group.Follower, h.MemberIds);
        Assert.Equal(GroupState.PreparingRebalance, h.State);
    }

    [Fact]
    public async Task Session_HeartbeatBeforeDeadline_PushesExpiryOut()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync((string?)null);

        h.Advance(CoordinatorHarness.SessionTimeoutMs - 1);
        Assert.Equal(ErrorCode.None, h.Heartbeat(group.Leader, group.Generation));
        h.Advance(CoordinatorHarness.SessionTimeoutMs - 1);

        Assert.Contains(group.Leader, h.MemberIds);
        h.Advance(1);
        Assert.Empty(h.MemberIds);
        Assert.Equal(GroupState.Empty, h.State);
    }

    [Fact]
    public async Task Session_CommitResetsTheSession()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync((string?)null);

        h.Advance(CoordinatorHarness.SessionTimeoutMs - 1);
        await h.Commit(group.Leader, group.Generation);
        h.Advance(CoordinatorHarness.SessionTimeoutMs - 1);

        Assert.Contains(group.Leader, h.MemberIds);
    }

    [Fact]
    public async Task Session_MemberParkedInJoin_DoesNotExpire()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);
        _ = h.Join(clientId: "newcomer");
        var leaderRejoin = h.Join(memberId: group.Leader);

        // Far past the session timeout, before the rebalance timeout; the follower heartbeats but does not rejoin.
        for (var i = 0; i < 30; i++)
        {
            h.Heartbeat(group.Follower, group.Generation);
            h.Advance(1_000, stepMs: 10);
        }

        Assert.Contains(group.Leader, h.MemberIds);
        Assert.False(leaderRejoin.IsCompleted);
        Assert.Equal(GroupState.PreparingRebalance, h.State);
    }

    [Fact]
    public async Task Session_MemberParkedInSync_DoesNotExpire()
    {
        await using var h = new CoordinatorHarness();
        var a = h.Join(clientId: "a");
        var b = h.Join(clientId: "b");
        h.Advance(6_000);
        var follower = await b;
        var leader = await a;
        var followerSync = h.Sync(follower.MemberId, follower.GenerationId);

        h.Heartbeat(leader.MemberId, leader.GenerationId);
        for (var i = 0; i < 3; i++)
        {
            h.Advance(CoordinatorHarness.SessionTimeoutMs - 1, stepMs: 10);
            h.Heartbeat(leader.MemberId, leader.GenerationId);
        }

        Assert.Contains(follower.MemberId, h.MemberIds);
        Assert.False(followerSync.IsCompleted);
    }

    [Fact]
    public async Task Session_NewMemberParkedInJoin_ExpiresAfterFiveMinutes()
    {
        await using var h = new CoordinatorHarness();
        var stable = h.Join(sessionTimeoutMs: 1_800_000, rebalanceTimeoutMs: 600_000);
        h.Advance(CoordinatorHarness.InitialDelayMs);
        var old = await stable;
        await h.Sync(old.MemberId, old.GenerationId, new Dictionary<string, string>());

        // A newcomer parks its join; the old member heartbeats but never rejoins, so the phase runs long.
        var newcomer = h.Join(clientId: "newcomer", rebalanceTimeoutMs: 600_000);
        h.Advance(GroupCoordinatorOptions.NewMemberJoinTimeoutMs - 1, stepMs: 1_000);
        Assert.False(newcomer.IsCompleted);
        h.Advance(1);

        var result = await newcomer;
        Assert.Equal(ErrorCode.UnknownMemberId, result.Error);
        Assert.Equal([old.MemberId], h.MemberIds);
    }

    [Fact]
    public async Task Leave_StableMember_StartsRebalanceAndRemainingMemberRejoinsAlone()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);

        var result = h.Coordinator.LeaveGroup(CoordinatorHarness.Group, [new MemberIdentity(group.Leader, null)]);

        Assert.Equal(ErrorCode.None, result.Error);
        Assert.Equal(GroupState.PreparingRebalance, h.State);
        var rejoin = await h.Join(memberId: group.Follower);
        Assert.Equal(group.Follower, rejoin.LeaderId);
        Assert.Equal(group.Generation + 1, rejoin.GenerationId);
    }

    [Fact]
    public async Task Leave_UnknownMembersAndGroups_ArePerMemberErrors()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync((string?)null);

        var mixed = h.Coordinator.LeaveGroup(CoordinatorHarness.Group, [new MemberIdentity("ghost", null), new MemberIdentity("", "no-instance")]);
        var missing = h.Coordinator.LeaveGroup("missing", [new MemberIdentity("m", null)]);

        Assert.All(mixed.Members, m => Assert.Equal(ErrorCode.UnknownMemberId, m.Error));
        Assert.Equal(ErrorCode.UnknownMemberId, Assert.Single(missing.Members).Error);
        Assert.Equal([group.Leader], h.MemberIds);
    }

    [Fact]
    public async Task Leave_ParkedJoinOfLeavingMember_IsAnsweredUnknownMemberId()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);
        var parked = h.Join(memberId: group.Leader);

        h.Coordinator.LeaveGroup(CoordinatorHarness.Group, [new MemberIdentity(group.Leader, null)]);

        Assert.Equal(ErrorCode.UnknownMemberId, (await parked).Error);
    }
}
