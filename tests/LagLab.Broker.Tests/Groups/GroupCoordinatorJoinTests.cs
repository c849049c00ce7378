using LagLab.Broker.Groups;
using LagLab.Protocol;

namespace LagLab.Broker.Tests.Groups;

public sealed class GroupCoordinatorJoinTests
{
    [Fact]
    public async Task Join_FirstMemberOfEmptyGroup_CompletesExactlyAtInitialDelay()
    {
        await using var h = new CoordinatorHarness();
        var join = h.Join();
        Assert.Equal(GroupState.PreparingRebalance, h.State);

        h.Advance(CoordinatorHarness.InitialDelayMs - 1);
        Assert.False(join.IsCompleted);
        h.Advance(1);

        var result = await join;
        Assert.Equal(ErrorCode.None, result.Error);
        Assert.Equal(1, result.GenerationId);
        Assert.Equal(result.MemberId, result.LeaderId);
        Assert.Equal("range", result.ProtocolName);
        Assert.StartsWith("client-", result.MemberId, StringComparison.Ordinal);
        Assert.Equal(GroupState.CompletingRebalance, h.State);
    }

    [Fact]
    public async Task Join_SecondMemberDuringInitialDelay_ExtendsDelayOnce()
    {
        await using var h = new CoordinatorHarness();
        var first = h.Join();
        h.Advance(1_000);
        var second = h.Join(clientId: "other");

        // At 3000 the initial delay is re-armed for min(3000, remaining): the join ends at 6000.
        h.Advance(4_999);
        Assert.False(first.IsCompleted);
        h.Advance(1);

        Assert.Equal(ErrorCode.None, (await first).Error);
        Assert.Equal(ErrorCode.None, (await second).Error);
        Assert.Equal(2, h.MemberIds.Count);
    }

    [Fact]
    public async Task Join_InitialDelayExtensions_AreCappedByRebalanceTimeout()
    {
        await using var h = new CoordinatorHarness();
        // Rebalance timeout 5000: the extensions may use only 5000 - 3000 = 2000 ms more.
        var first = h.Join(rebalanceTimeoutMs: 5_000);
        h.Advance(1_000);
        var second = h.Join(rebalanceTimeoutMs: 5_000);
        h.Advance(3_000);
        var third = h.Join(rebalanceTimeoutMs: 5_000);

        h.Advance(999);
        Assert.False(first.IsCompleted);
        h.Advance(1);

        Assert.True(first.IsCompleted && second.IsCompleted && third.IsCompleted);
        Assert.Equal(1, (await third).GenerationId);
        Assert.Equal(3, h.MemberIds.Count);
    }

    [Fact]
    public async Task Join_InitialDelayZero_CompletesWithinAMillisecond()
    {
        await using var h = new CoordinatorHarness(initialDelayMs: 0);
        var join = h.Join();
        Assert.False(join.IsCompleted);

        h.Advance(1);

        Assert.Equal(ErrorCode.None, (await join).Error);
    }

    [Fact]
    public async Task Join_RequireKnownMemberId_AnswersMemberIdRequiredWithANewId()
    {
        await using var h = new CoordinatorHarness();

        var result = await h.Join(requireKnownMemberId: true, clientId: "rdkafka");

        Assert.Equal(ErrorCode.MemberIdRequired, result.Error);
        Assert.Matches("^rdkafka-[0-9a-f-]{36}$", result.MemberId);
        Assert.Equal(-1, result.GenerationId);
        Assert.Equal(string.Empty, result.LeaderId);
        Assert.Empty(h.MemberIds);
    }

    [Fact]
    public async Task Join_PendingMemberRejoinsWithItsId_IsAddedAndJoins()
    {
        await using var h = new CoordinatorHarness();
        var pending = await h.Join(requireKnownMemberId: true);

        var join = h.Join(memberId: pending.MemberId, requireKnownMemberId: true);
        h.Advance(CoordinatorHarness.InitialDelayMs);

        var result = await join;
        Assert.Equal(ErrorCode.None, result.Error);
        Assert.Equal(pending.MemberId, result.MemberId);
    }

    [Fact]
    public async Task Join_PendingMemberNeverReturns_HoldsTheJoinUntilItsSessionTimeout()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync((string?)null);
        var pending = await h.Join(requireKnownMemberId: true, clientId: "late");
        Assert.Equal(ErrorCode.MemberIdRequired, pending.Error);

        // The leader's rejoin starts a rebalance that cannot end while a pending member is outstanding.
        var leaderRejoin = h.Join(memberId: group.Leader);
        h.Advance(CoordinatorHarness.SessionTimeoutMs - 1);
        Assert.False(leaderRejoin.IsCompleted);
        h.Advance(1);

        var result = await leaderRejoin;
        Assert.Equal(ErrorCode.None, result.Error);
        Assert.Equal(group.Generation + 1, result.GenerationId);
    }

    [Fact]
    public async Task Join_IntoStableGroup_CompletesAsSoonAsEveryMemberRejoined()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);

        var newcomer = h.Join(clientId: "newcomer");
        Assert.Equal(GroupState.PreparingRebalance, h.State);
        Assert.Equal(ErrorCode.RebalanceInProgress, h.Heartbeat(group.Follower, group.Generation));
        var leader = h.Join(memberId: group.Leader);
        Assert.False(newcomer.IsCompleted);
        var follower = h.Join(memberId: group.Follower);

        // No time passed: the last rejoin completes the phase.
        Assert.True(newcomer.IsCompleted && leader.IsCompleted && follower.IsCompleted);
        Assert.Equal(group.Generation + 1, (await newcomer).GenerationId);
        Assert.Equal(group.Leader, (await follower).LeaderId);
        Assert.Equal(3, h.MemberIds.Count);
    }

    [Fact]
    public async Task Join_MemberThatDoesNotRejoin_IsRemovedExactlyAtRebalanceTimeout()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);

        var newcomer = h.Join(clientId: "newcomer");
        var leader = h.Join(memberId: group.Leader);
        // The follower keeps heartbeating but never rejoins.
        for (var elapsed = 0; elapsed < CoordinatorHarness.RebalanceTimeoutMs - 1; elapsed += 1_000)
        {
            h.Heartbeat(group.Follower, group.Generation);
            h.Advance(Math.Min(1_000, CoordinatorHarness.RebalanceTimeoutMs - 1 - elapsed));
        }
        Assert.False(leader.IsCompleted);
        h.Advance(1);

        Assert.Equal(ErrorCode.None, (await leader).Error);
        Assert.Equal(2, h.MemberIds.Count);
        Assert.DoesNotContain(group.Follower, h.MemberIds);
        Assert.Equal(ErrorCode.None, (await newcomer).Error);
    }

    [Fact]
    public async Task Join_Completion_OnlyTheLeaderGetsTheMemberList()
    {
        await using var h = new CoordinatorHarness();
        var a = h.Join(protocols: [TestSubscriptions.Range("x")]);
        var b = h.Join(protocols: [TestSubscriptions.Range("y")]);
        h.Advance(6_000);

        var leader = await a;
        var follower = await b;
        Assert.Equal(leader.MemberId, leader.LeaderId);
        Assert.Equal(leader.MemberId, follower.LeaderId);
        Assert.Empty(follower.Members);
        Assert.Equal([leader.MemberId, follower.MemberId], leader.Members.Select(m => m.MemberId));
        Assert.Equal(TestSubscriptions.Encode("y"), leader.Members[1].Metadata.ToArray());
    }

    [Fact]
    public async Task Join_Protocols_PluralityOfFirstChoicesAmongCommonOnesWins()
    {
        await using var h = new CoordinatorHarness();
        var a = h.Join(protocols: [TestSubscriptions.Range(), TestSubscriptions.RoundRobin(), new MemberProtocol("sticky", Array.Empty<byte>())]);
        var b = h.Join(protocols: [TestSubscriptions.RoundRobin(), TestSubscriptions.Range()]);
        var c = h.Join(protocols: [new MemberProtocol("sticky", Array.Empty<byte>()), TestSubscriptions.RoundRobin(), TestSubscriptions.Range()]);
        h.Advance(9_000);

        // sticky is not common to all; c's vote falls to roundrobin, which beats range 2-1.
        Assert.All(await Task.WhenAll(a, b, c), r => Assert.Equal("roundrobin", r.ProtocolName));
    }

    [Fact]
    public async Task Join_NoCommonProtocol_IsInconsistentGroupProtocol()
    {
        await using var h = new CoordinatorHarness();
        _ = h.Join(protocols: [TestSubscriptions.Range()]);

        var result = await h.Join(protocols: [TestSubscriptions.RoundRobin()]);

        Assert.Equal(ErrorCode.InconsistentGroupProtocol, result.Error);
    }

    [Fact]
    public async Task Join_DifferentProtocolType_IsInconsistentGroupProtocol()
    {
        await using var h = new CoordinatorHarness();
        _ = h.Join();

        var result = await h.Join(protocolType: "connect");

        Assert.Equal(ErrorCode.InconsistentGroupProtocol, result.Error);
    }

    [Theory]
    [InlineData(5_999, ErrorCode.InvalidSessionTimeout)]
    [InlineData(6_000, ErrorCode.None)]
    [InlineData(1_800_000, ErrorCode.None)]
    [InlineData(1_800_001, ErrorCode.InvalidSessionTimeout)]
    public async Task Join_SessionTimeoutBounds_AreInclusive(int sessionTimeoutMs, ErrorCode expected)
    {
        await using var h = new CoordinatorHarness();
        var join = h.Join(sessionTimeoutMs: sessionTimeoutMs);
        h.Advance(CoordinatorHarness.InitialDelayMs);

        Assert.Equal(expected, (await join).Error);
    }

    [Fact]
    public async Task Join_EmptyGroupId_IsInvalidGroupId()
    {
        await using var h = new CoordinatorHarness();

        var result = await h.Coordinator.JoinGroupAsync(new JoinGroupCommand("", "", null, false, "c", "/h", 1000, 10_000, "consumer", [TestSubscriptions.Range()]));

        Assert.Equal(ErrorCode.InvalidGroupId, result.Error);
    }

    [Fact]
    public async Task Join_KnownMemberIdForMissingGroup_IsUnknownMemberId()
    {
        await using var h = new CoordinatorHarness();

        var result = await h.Join(memberId: "ghost");

        Assert.Equal(ErrorCode.UnknownMemberId, result.Error);
        Assert.Null(h.Coordinator.FindGroup(CoordinatorHarness.Group));
    }

    [Fact]
    public async Task Join_FollowerRejoinsStableWithIdenticalMetadata_GetsCurrentGenerationWithoutRebalance()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);

        var result = await h.Join(memberId: group.Follower);

        Assert.Equal(ErrorCode.None, result.Error);
        Assert.Equal(group.Generation, result.GenerationId);
        Assert.Equal(group.Leader, result.LeaderId);
        Assert.Empty(result.Members);
        Assert.Equal(GroupState.Stable, h.State);
        Assert.Equal(ErrorCode.None, h.Heartbeat(group.Leader, group.Generation));
    }

    [Fact]
    public async Task Join_FollowerRejoinsStableWithChangedMetadata_StartsRebalance()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);

        var rejoin = h.Join(memberId: group.Follower, protocols: [TestSubscriptions.Range("t", "u")]);

        Assert.False(rejoin.IsCompleted);
        Assert.Equal(GroupState.PreparingRebalance, h.State);
    }

    [Fact]
    public async Task Join_LeaderRejoinsStable_StartsRebalanceEvenWithIdenticalMetadata()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync(null, null);

        var rejoin = h.Join(memberId: group.Leader);

        Assert.False(rejoin.IsCompleted);
        Assert.Equal(GroupState.PreparingRebalance, h.State);
        var follower = h.Join(memberId: group.Follower);
        Assert.Equal(group.Generation + 1, (await follower).GenerationId);
    }

    [Fact]
    public async Task Join_SameMetadataDuringCompletingRebalance_ReturnsCurrentGenerationAgain()
    {
        await using var h = new CoordinatorHarness();
        var first = h.Join();
        h.Advance(CoordinatorHarness.InitialDelayMs);
        var original = await first;

        var again = await h.Join(memberId: original.MemberId);

        Assert.Equal(original.GenerationId, again.GenerationId);
        Assert.Single(again.Members);
        Assert.Equal(GroupState.CompletingRebalance, h.State);
    }

    [Fact]
    public async Task Join_LastMemberLeaves_GroupGoesEmptyWithNextGenerationPersisted()
    {
        await using var h = new CoordinatorHarness();
        var group = await h.FormStableGroupAsync((string?)null);

        var leave = h.Coordinator.LeaveGroup(CoordinatorHarness.Group, [new MemberIdentity(group.Leader, null)]);

        Assert.Equal(ErrorCode.None, Assert.Single(leave.Members).Error);
        Assert.Equal(GroupState.Empty, h.State);
        Assert.Equal(group.Generation + 1, h.Generation);
        var last = LagLab.Broker.Groups.Persistence.GroupMetadataValue.Decode(h.Sink.Records[^1].Record.Value);
        Assert.Equal(group.Generation + 1, last.GenerationId);
        Assert.Empty(last.Members);
        Assert.Null(last.ProtocolName);
    }
}
