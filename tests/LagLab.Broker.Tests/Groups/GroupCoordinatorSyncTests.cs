using System.Text;
using LagLab.Broker.Groups;
using LagLab.Protocol;

namespace LagLab.Broker.Tests.Groups;

public sealed class GroupCoordinatorSyncTests
{
    private static async Task<(JoinGroupResult Leader, JoinGroupResult Follower)> JoinTwoAsync(CoordinatorHarness h)
    {
        var a = h.Join(clientId: "a");
        var b = h.Join(clientId: "b");
        h.Advance(6_000);
        return (await a, await b);
    }

    [Fact]
    public async Task Sync_FollowerParksUntilLeaderSendsAssignment_ThenGroupIsStable()
    {
        await using var h = new CoordinatorHarness();
        var (leader, follower) = await JoinTwoAsync(h);

        var followerSync = h.Sync(follower.MemberId, follower.GenerationId);
        Assert.False(followerSync.IsCompleted);
        var leaderSync = await h.Sync(leader.MemberId, leader.GenerationId, new Dictionary<string, string> { [leader.MemberId] = "L", [follower.MemberId] = "F" });

        Assert.Equal("L", Encoding.UTF8.GetString(leaderSync.Assignment.Span));
        var followerResult = await followerSync;
        Assert.Equal(ErrorCode.None, followerResult.Error);
        Assert.Equal("F", Encoding.UTF8.GetString(followerResult.Assignment.Span));
        Assert.Equal("range", followerResult.ProtocolName);
        Assert.Equal(GroupState.Stable, h.State);
    }

    [Fact]
    public async Task Sync_MemberLeftOutByLeader_GetsEmptyAssignment()
    {
        await using var h = new CoordinatorHarness();
        var (leader, follower) = await JoinTwoAsync(h);

        var followerSync = h.Sync(follower.MemberId, follower.GenerationId);
        await h.Sync(leader.MemberId, leader.GenerationId, new Dictionary<string, string> { [leader.MemberId] = "all" });

        var result = await followerSync;
        Assert.Equal(ErrorCode.None, result.Error);
        Assert.True(result.Assignment.IsEmpty);
    }

    [Fact]
    public async Task Sync_InStable_ReturnsStoredAssignmentAtOnce()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);

        var result = await h.Sync(group.Follower, group.Generation);

        Assert.Equal(group.Assignments[group.Follower], Encoding.UTF8.GetString(result.Assignment.Span));
    }

    [Fact]
    public async Task Sync_DuringPreparingRebalance_IsRebalanceInProgress()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);
        _ = h.Join(memberId: group.Leader);

        var result = await h.Sync(group.Follower, group.Generation);

        Assert.Equal(ErrorCode.RebalanceInProgress, result.Error);
    }

    [Fact]
    public async Task Sync_WrongGenerationOrUnknownMember_AreRejectedInKafkasOrder()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);

        Assert.Equal(ErrorCode.IllegalGeneration, (await h.Sync(group.Follower, group.Generation + 1)).Error);
        // Unknown member is checked before the generation.
        Assert.Equal(ErrorCode.UnknownMemberId, (await h.Sync("ghost", group.Generation + 1)).Error);
    }

    [Fact]
    public async Task Sync_RebalanceStartsWhileFollowerParked_FollowerGetsRebalanceInProgress()
    {
        await using var h = new CoordinatorHarness();
        var (_, follower) = await JoinTwoAsync(h);
        var followerSync = h.Sync(follower.MemberId, follower.GenerationId);

        _ = h.Join(clientId: "newcomer");

        Assert.Equal(ErrorCode.RebalanceInProgress, (await followerSync).Error);
        Assert.Equal(GroupState.PreparingRebalance, h.State);
    }

    [Fact]
    public async Task Sync_FollowerNeverSyncs_IsRemovedExactlyAtRebalanceTimeout()
    {
        await using var h = new CoordinatorHarness();
        var (leader, follower) = await JoinTwoAsync(h);
        await h.Sync(leader.MemberId, leader.GenerationId, new Dictionary<string, string> { [leader.MemberId] = "L" });
        Assert.Equal(GroupState.Stable, h.State);

        // The follower heartbeats (so its session lives) but never sends SyncGroup.
        for (var elapsed = 0; elapsed < CoordinatorHarness.RebalanceTimeoutMs - 1; elapsed += 1_000)
        {
            h.Heartbeat(follower.MemberId, follower.GenerationId);
            h.Heartbeat(leader.MemberId, leader.GenerationId);
            h.Advance(Math.Min(1_000, CoordinatorHarness.RebalanceTimeoutMs - 1 - elapsed));
        }
        Assert.Contains(follower.MemberId, h.MemberIds);
        h.Advance(1);

        Assert.DoesNotContain(follower.MemberId, h.MemberIds);
        Assert.Equal(GroupState.PreparingRebalance, h.State);
    }

    [Fact]
    public async Task Sync_EveryMemberSynced_NoTimeoutRemovalLater()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);

        for (var i = 0; i < 70; i++)
        {
            h.Heartbeat(group.Leader, group.Generation);
            h.Heartbeat(group.Follower, group.Generation);
            h.Advance(1_000, stepMs: 100);
        }

        Assert.Equal(2, h.MemberIds.Count);
        Assert.Equal(GroupState.Stable, h.State);
    }

    [Fact]
    public async Task Sync_LeaderAssignmentWritePending_FollowersWaitForDurability()
    {
        await using var h = new CoordinatorHarness();
        var (leader, follower) = await JoinTwoAsync(h);
        h.Sink.Hold = true;

        var followerSync = h.Sync(follower.MemberId, follower.GenerationId);
        var leaderSync = h.Sync(leader.MemberId, leader.GenerationId, new Dictionary<string, string> { [follower.MemberId] = "F" });
        Assert.False(leaderSync.IsCompleted);
        Assert.Equal(GroupState.CompletingRebalance, h.State);
        h.Sink.ReleaseAll();

        Assert.Equal("F", Encoding.UTF8.GetString((await followerSync).Assignment.Span));
        Assert.Equal(ErrorCode.None, (await leaderSync).Error);
        Assert.Equal(GroupState.Stable, h.State);
    }

    [Fact]
    public async Task Sync_LeaderAssignmentWriteFails_MembersAreToldToRejoin()
    {
        await using var h = new CoordinatorHarness();
        var (leader, follower) = await JoinTwoAsync(h);
        h.Sink.Hold = true;

        var followerSync = h.Sync(follower.MemberId, follower.GenerationId);
        var leaderSync = h.Sync(leader.MemberId, leader.GenerationId, new Dictionary<string, string> { [follower.MemberId] = "F" });
        h.Sink.FailAll();

        Assert.Equal(ErrorCode.CoordinatorNotAvailable, (await followerSync).Error);
        Assert.Equal(ErrorCode.CoordinatorNotAvailable, (await leaderSync).Error);
        Assert.Equal(GroupState.PreparingRebalance, h.State);
    }
}
