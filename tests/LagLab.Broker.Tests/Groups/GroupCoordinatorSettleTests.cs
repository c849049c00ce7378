using LagLab.Broker.Groups;
using LagLab.Broker.Groups.Persistence;
using LagLab.Protocol;

namespace LagLab.Broker.Tests.Groups;

/// <summary>
/// When a group settles again after a member vanished, as Kafka's classic coordinator decides it: a join phase
/// waits for every known member, and a member that never rejoins is removed by its session expiry (which
/// completes the join at once) or at the rebalance timeout, whichever comes first.
/// </summary>
public sealed class GroupCoordinatorSettleTests
{
    [Fact]
    public async Task Join_KilledMemberDuringRebalance_JoinCompletesExactlyAtItsSessionExpiry()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);
        h.Advance(4_000);
        h.Heartbeat(group.Leader, group.Generation);
        // The follower was killed: its last heartbeat was at formation, its session ends 10 s after it.

        var newcomer = h.Join(clientId: "replacement");
        var leader = h.Join(memberId: group.Leader);
        h.Advance(CoordinatorHarness.SessionTimeoutMs - 4_000 - 1);
        Assert.False(leader.IsCompleted);
        Assert.Equal(GroupState.PreparingRebalance, h.State);
        h.Advance(1);

        // Far before the 60 s rebalance timeout: the last awaited member's expiry completes the join.
        Assert.True(leader.IsCompleted && newcomer.IsCompleted);
        Assert.Equal(ErrorCode.None, (await leader).Error);
        Assert.Equal(group.Generation + 1, (await newcomer).GenerationId);
        Assert.Equal(GroupState.CompletingRebalance, h.State);
        Assert.DoesNotContain(group.Follower, h.MemberIds);
    }

    [Fact]
    public async Task Session_KilledMemberInStable_RebalanceStartsAtExpiryAndEndsWhenTheOthersRejoin()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null, null);
        var killed = group.MemberIds[2];
        var survivors = group.MemberIds.Take(2).ToArray();
        for (var elapsed = 0; elapsed < CoordinatorHarness.SessionTimeoutMs - 1; elapsed += 1_000)
        {
            Assert.All(survivors, m => Assert.Equal(ErrorCode.None, h.Heartbeat(m, group.Generation)));
            h.Advance(Math.Min(1_000, CoordinatorHarness.SessionTimeoutMs - 1 - elapsed));
        }
        Assert.Equal(GroupState.Stable, h.State);
        h.Advance(1);
        Assert.Equal(GroupState.PreparingRebalance, h.State);
        Assert.DoesNotContain(killed, h.MemberIds);

        // The survivors learn it from their next heartbeat and rejoin: no timer is involved any more.
        Assert.All(survivors, m => Assert.Equal(ErrorCode.RebalanceInProgress, h.Heartbeat(m, group.Generation)));
        var rejoins = survivors.Select(m => h.Join(memberId: m)).ToArray();
        Assert.All(rejoins, j => Assert.True(j.IsCompleted));
        Assert.Equal(GroupState.CompletingRebalance, h.State);
        Assert.Equal(2, h.MemberIds.Count);
    }

    [Fact]
    public async Task Join_PendingMemberIdNeverReturned_ExpiresAtItsSessionAndReleasesTheJoin()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);

        var first = await h.Join(clientId: "v4", requireKnownMemberId: true);
        Assert.Equal(ErrorCode.MemberIdRequired, first.Error);
        var leader = h.Join(memberId: group.Leader);
        Assert.Equal(GroupState.PreparingRebalance, h.State);
        var follower = h.Join(memberId: group.Follower);
        // Every known member rejoined, but the pending id is still awaited.
        Assert.False(leader.IsCompleted);
        h.Advance(CoordinatorHarness.SessionTimeoutMs - 1);
        Assert.False(leader.IsCompleted);
        h.Advance(1);

        Assert.True(leader.IsCompleted && follower.IsCompleted);
        Assert.Equal(2, h.MemberIds.Count);
    }

    [Fact]
    public async Task Join_RebalanceOfANonEmptyGroup_HasNoInitialDelay()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);

        var newcomer = h.Join(clientId: "newcomer");
        var leader = h.Join(memberId: group.Leader);
        var follower = h.Join(memberId: group.Follower);

        // group.initial.rebalance.delay.ms applies only to the first rebalance of an Empty group.
        Assert.True(newcomer.IsCompleted && leader.IsCompleted && follower.IsCompleted);
        Assert.All(await Task.WhenAll(newcomer, leader, follower), r => Assert.Equal(ErrorCode.None, r.Error));
    }

    [Fact]
    public async Task Restore_OneMemberLostItsId_StaleMemberHoldsTheRejoinUntilItsSessionThenTheGroupSettles()
    {
        GroupMetadataValue written;
        CoordinatorHarness.StableGroup before;
        await using (var old = new CoordinatorHarness())
        {
            before = await old.FormStableGroupAsync(null, null, null);
            written = GroupMetadataValue.Decode(old.Sink.Records.Last().Record.Value);
        }
        await using var h = new CoordinatorHarness();
        h.Coordinator.Restore(new Dictionary<string, GroupMetadataValue> { [CoordinatorHarness.Group] = written }, new Dictionary<string, Dictionary<TopicPartition, CommittedOffset>>());
        var kept = before.MemberIds.Take(2).ToArray();
        Assert.All(kept, m => Assert.Equal(ErrorCode.None, h.Heartbeat(m, before.Generation)));

        // The third client lost its id (it rejoins as new); the restored copy of it is stale: four members.
        var newcomer = h.Join(clientId: "client-2-again");
        Assert.Equal(4, h.MemberIds.Count);
        var rejoins = kept.Select(m => h.Join(memberId: m)).ToArray();
        h.Advance(CoordinatorHarness.SessionTimeoutMs - 1);
        Assert.False(newcomer.IsCompleted);
        h.Advance(1);

        // Its session started at the load, as Kafka's onGroupLoaded does: the join completes at that expiry.
        Assert.True(newcomer.IsCompleted && rejoins.All(r => r.IsCompleted));
        Assert.Equal(3, h.MemberIds.Count);
        Assert.DoesNotContain(before.MemberIds[2], h.MemberIds);
        Assert.Equal(before.Generation + 1, (await newcomer).GenerationId);
    }
}
