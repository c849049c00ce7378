using LagLab.Protocol;
using LagLab.Protocol.Messages.DeleteGroups;
using LagLab.Protocol.Messages.DescribeGroups;
using LagLab.Protocol.Messages.FindCoordinator;
using LagLab.Protocol.Messages.Heartbeat;
using LagLab.Protocol.Messages.JoinGroup;
using LagLab.Protocol.Messages.LeaveGroup;
using LagLab.Protocol.Messages.ListGroups;
using LagLab.Protocol.Messages.OffsetCommit;
using LagLab.Protocol.Messages.OffsetDelete;
using LagLab.Protocol.Messages.OffsetFetch;
using LagLab.Protocol.Messages.OffsetForLeaderEpoch;
using LagLab.Protocol.Records;
using LagLab.Protocol.Messages.SyncGroup;
using LagLab.Broker.Tests.Groups;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Handlers.Groups;

/// <summary>Version-specific edges of the group APIs over TCP, with exact frames no real client sends.</summary>
public sealed class GroupApisOverTcpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A broker with topics t (2 partitions), a and b (3 each): commits for unknown topics are refused.</summary>
    private static async Task<KafkaBroker> StartAsync()
    {
        var broker = await TestBroker.StartAsync(o => o.GroupInitialRebalanceDelayMs = 50);
        broker.Topics.CreateTopic("t", 2, 1, []);
        broker.Topics.CreateTopic("a", 3, 1, []);
        broker.Topics.CreateTopic("b", 3, 1, []);
        return broker;
    }

    private static JoinGroupRequest Join(string group, string memberId = "", string? instanceId = null) =>
        new(group, 10_000, memberId, "consumer", [new JoinGroupRequest.Protocol("range", TestSubscriptions.Encode("t"))], 30_000, instanceId);

    [Fact]
    public async Task FindCoordinator_GroupKey_IsThisNodeAtTheBootstrapAddress()
    {
        await using var broker = await StartAsync();
        await using var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, Ct);

        var v0 = await client.SendAsync<FindCoordinatorRequest, FindCoordinatorResponse>(new FindCoordinatorRequest("g"), 0, Ct);
        var v2 = await client.SendAsync<FindCoordinatorRequest, FindCoordinatorResponse>(new FindCoordinatorRequest("g", 0), 2, Ct);
        var txn = await client.SendAsync<FindCoordinatorRequest, FindCoordinatorResponse>(new FindCoordinatorRequest("tx", 1), 2, Ct);

        Assert.Equal((ErrorCode.None, 1, "127.0.0.1", broker.Port), (v0.ErrorCode, v0.NodeId, v0.Host, v0.Port));
        Assert.Equal((ErrorCode.None, broker.Port), (v2.ErrorCode, v2.Port));
        Assert.Equal(ErrorCode.CoordinatorNotAvailable, txn.ErrorCode);
    }

    [Fact]
    public async Task JoinGroup_V4DynamicMember_MemberIdRequiredThenJoinsAfterInitialDelay()
    {
        await using var broker = await StartAsync();
        await using var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, Ct);

        var first = await client.SendAsync<JoinGroupRequest, JoinGroupResponse>(Join("g4"), 4, Ct);
        var second = await client.SendAsync<JoinGroupRequest, JoinGroupResponse>(Join("g4", first.MemberId), 4, Ct);

        Assert.Equal(ErrorCode.MemberIdRequired, first.ErrorCode);
        Assert.StartsWith("laglab-tests-", first.MemberId, StringComparison.Ordinal);
        Assert.Equal(-1, first.GenerationId);
        Assert.Equal(ErrorCode.None, second.ErrorCode);
        Assert.Equal(1, second.GenerationId);
        Assert.Equal("range", second.ProtocolName);
        Assert.Equal(second.MemberId, Assert.Single(second.Members).MemberId);
    }

    [Fact]
    public async Task JoinGroup_V3_NoMemberIdRequiredAndV5InstanceIdIsEchoedToTheLeader()
    {
        await using var broker = await StartAsync();
        await using var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, Ct);

        var v3 = await client.SendAsync<JoinGroupRequest, JoinGroupResponse>(Join("g3"), 3, Ct);
        var v5 = await client.SendAsync<JoinGroupRequest, JoinGroupResponse>(Join("g5", instanceId: "pod-1"), 5, Ct);

        Assert.Equal(ErrorCode.None, v3.ErrorCode);
        Assert.Equal(ErrorCode.None, v5.ErrorCode);
        Assert.StartsWith("pod-1-", v5.MemberId, StringComparison.Ordinal);
        Assert.Equal("pod-1", Assert.Single(v5.Members).GroupInstanceId);
    }

    [Fact]
    public async Task SyncHeartbeatCommitFetchLeave_FullCycleAtOldestVersions()
    {
        await using var broker = await StartAsync();
        await using var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, Ct);
        var joined = await client.SendAsync<JoinGroupRequest, JoinGroupResponse>(Join("cycle"), 0, Ct);

        var sync = await client.SendAsync<SyncGroupRequest, SyncGroupResponse>(
            new SyncGroupRequest("cycle", joined.GenerationId, joined.MemberId, [new SyncGroupRequest.Assignment(joined.MemberId, new byte[] { 1, 2 })]), 0, Ct);
        var heartbeat = await client.SendAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest("cycle", joined.GenerationId, joined.MemberId), 0, Ct);
        var commit = await client.SendAsync<OffsetCommitRequest, OffsetCommitResponse>(new OffsetCommitRequest("cycle",
            [new OffsetCommitRequest.Topic("t", [new OffsetCommitRequest.Partition(0, 10, "meta")])], joined.GenerationId, joined.MemberId), 2, Ct);
        var fetch = await client.SendAsync<OffsetFetchRequest, OffsetFetchResponse>(new OffsetFetchRequest("cycle", [new OffsetFetchRequest.Topic("t", [0, 1])]), 1, Ct);
        var leave = await client.SendAsync<LeaveGroupRequest, LeaveGroupResponse>(new LeaveGroupRequest("cycle", joined.MemberId), 0, Ct);
        var leaveAgain = await client.SendAsync<LeaveGroupRequest, LeaveGroupResponse>(new LeaveGroupRequest("cycle", joined.MemberId), 1, Ct);

        Assert.Equal([1, 2], sync.Assignment.ToArray());
        Assert.Equal(ErrorCode.None, heartbeat.ErrorCode);
        Assert.Equal(ErrorCode.None, commit.Topics.Single().Partitions.Single().ErrorCode);
        var partitions = fetch.Topics.Single().Partitions;
        Assert.Equal((10L, "meta"), (partitions[0].CommittedOffset, partitions[0].Metadata));
        Assert.Equal((-1L, ""), (partitions[1].CommittedOffset, partitions[1].Metadata));
        Assert.Equal(ErrorCode.None, leave.ErrorCode);
        Assert.Equal(ErrorCode.UnknownMemberId, leaveAgain.ErrorCode);
    }

    [Fact]
    public async Task OffsetFetch_V2NullTopics_ReturnsEveryCommittedPartitionWithLeaderEpochAtV5()
    {
        await using var broker = await StartAsync();
        await using var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, Ct);
        await client.SendAsync<OffsetCommitRequest, OffsetCommitResponse>(new OffsetCommitRequest("all",
            [new OffsetCommitRequest.Topic("a", [new OffsetCommitRequest.Partition(0, 1, null, 4)]), new OffsetCommitRequest.Topic("b", [new OffsetCommitRequest.Partition(2, 3, null)])]), 7, Ct);

        var v2 = await client.SendAsync<OffsetFetchRequest, OffsetFetchResponse>(new OffsetFetchRequest("all", null), 2, Ct);
        var v5 = await client.SendAsync<OffsetFetchRequest, OffsetFetchResponse>(new OffsetFetchRequest("all", null), 5, Ct);

        Assert.Equal(["a", "b"], v2.Topics.Select(t => t.Name));
        Assert.Equal(4, v5.Topics[0].Partitions[0].CommittedLeaderEpoch);
        Assert.Equal((2, 3L), (v5.Topics[1].Partitions[0].PartitionIndex, v5.Topics[1].Partitions[0].CommittedOffset));
    }

    [Fact]
    public async Task OffsetCommit_UnknownTopicOrPartition_IsRefusedPerPartition()
    {
        await using var broker = await StartAsync();
        await using var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, Ct);

        var commit = await client.SendAsync<OffsetCommitRequest, OffsetCommitResponse>(new OffsetCommitRequest("unknown-topics",
            [new OffsetCommitRequest.Topic("t", [new OffsetCommitRequest.Partition(0, 1, null), new OffsetCommitRequest.Partition(9, 1, null)]),
             new OffsetCommitRequest.Topic("nope", [new OffsetCommitRequest.Partition(0, 1, null)])]), 2, Ct);

        Assert.Equal([ErrorCode.None, ErrorCode.UnknownTopicOrPartition], commit.Topics[0].Partitions.Select(p => p.ErrorCode));
        Assert.Equal(ErrorCode.UnknownTopicOrPartition, commit.Topics[1].Partitions.Single().ErrorCode);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task OffsetForLeaderEpoch_EpochZeroEndsAtTheLogEndOffset(short version)
    {
        await using var broker = await StartAsync();
        Assert.True(broker.Topics.TryGetPartition("t", 1, out var partition));
        partition.Append(new RecordBatchBuilder().Add("k", "v", 1).Add("k", "w", 2).Build());
        await using var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, Ct);

        var response = await client.SendAsync<OffsetForLeaderEpochRequest, OffsetForLeaderEpochResponse>(new OffsetForLeaderEpochRequest(
            [new OffsetForLeaderEpochRequest.Topic("t", [new(1, 0, 0), new(7, 0, 0)]), new OffsetForLeaderEpochRequest.Topic("nope", [new(0, -1, 0)])], -1), version, Ct);

        Assert.Equal(new OffsetForLeaderEpochResponse.EpochEndOffset(ErrorCode.None, 1, 0, 2), response.Topics[0].Partitions[0]);
        Assert.Equal(ErrorCode.UnknownTopicOrPartition, response.Topics[0].Partitions[1].ErrorCode);
        Assert.Equal(ErrorCode.UnknownTopicOrPartition, response.Topics[1].Partitions.Single().ErrorCode);
    }

    [Fact]
    public async Task ListGroups_V4StateFilter_AndStateOnlyFromV4()
    {
        await using var broker = await StartAsync();
        await using var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, Ct);
        await client.SendAsync<OffsetCommitRequest, OffsetCommitResponse>(new OffsetCommitRequest("simple",
            [new OffsetCommitRequest.Topic("t", [new OffsetCommitRequest.Partition(0, 1, null)])]), 2, Ct);
        await client.SendAsync<JoinGroupRequest, JoinGroupResponse>(Join("joined"), 3, Ct);

        var v0 = await client.SendAsync<ListGroupsRequest, ListGroupsResponse>(new ListGroupsRequest(), 0, Ct);
        var empty = await client.SendAsync<ListGroupsRequest, ListGroupsResponse>(new ListGroupsRequest { StatesFilter = ["Empty"] }, 4, Ct);
        var all = await client.SendAsync<ListGroupsRequest, ListGroupsResponse>(new ListGroupsRequest(), 4, Ct);

        Assert.Equal(["joined", "simple"], v0.Groups.Select(g => g.GroupId));
        Assert.All(v0.Groups, g => Assert.Equal(string.Empty, g.GroupState));
        Assert.Equal(("simple", "Empty"), (Assert.Single(empty.Groups).GroupId, empty.Groups[0].GroupState));
        Assert.Contains(all.Groups, g => g is { GroupId: "joined", ProtocolType: "consumer", GroupState: "CompletingRebalance" });
    }

    [Fact]
    public async Task DescribeGroups_UnknownIsDeadAndAuthorizedOperationsOnlyWhenAsked()
    {
        await using var broker = await StartAsync();
        await using var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, Ct);

        var plain = await client.SendAsync<DescribeGroupsRequest, DescribeGroupsResponse>(new DescribeGroupsRequest(["nope"]), 4, Ct);
        var withOps = await client.SendAsync<DescribeGroupsRequest, DescribeGroupsResponse>(new DescribeGroupsRequest(["nope"], true), 3, Ct);

        var group = Assert.Single(plain.Groups);
        Assert.Equal((ErrorCode.None, "Dead", "", 0), (group.ErrorCode, group.GroupState, group.ProtocolType, group.Members.Count));
        Assert.Equal(DescribeGroupsResponse.AuthorizedOperationsOmitted, group.AuthorizedOperations);
        Assert.Equal((1 << 3) | (1 << 6) | (1 << 8), withOps.Groups.Single().AuthorizedOperations);
    }

    [Fact]
    public async Task LeaveGroup_V3Batch_RemovesByInstanceIdWithPerMemberErrors()
    {
        await using var broker = await StartAsync();
        await using var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, Ct);
        var joined = await client.SendAsync<JoinGroupRequest, JoinGroupResponse>(Join("batch", instanceId: "pod-a"), 5, Ct);

        var leave = await client.SendAsync<LeaveGroupRequest, LeaveGroupResponse>(new LeaveGroupRequest("batch")
        {
            Members = [new LeaveGroupRequest.MemberIdentity("", "pod-a"), new LeaveGroupRequest.MemberIdentity("ghost", null)],
        }, 3, Ct);

        Assert.Equal(ErrorCode.None, joined.ErrorCode);
        Assert.Equal(ErrorCode.None, leave.ErrorCode);
        Assert.Equal([ErrorCode.None, ErrorCode.UnknownMemberId], leave.Members.Select(m => m.ErrorCode));
        Assert.Equal("pod-a", leave.Members[0].GroupInstanceId);
    }

    [Fact]
    public async Task DeleteGroupsAndOffsetDelete_ReportPerGroupAndPartition()
    {
        await using var broker = await StartAsync();
        await using var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, Ct);
        await client.SendAsync<OffsetCommitRequest, OffsetCommitResponse>(new OffsetCommitRequest("del",
            [new OffsetCommitRequest.Topic("t", [new OffsetCommitRequest.Partition(0, 1, null), new OffsetCommitRequest.Partition(1, 1, null)])]), 2, Ct);

        var offsetDelete = await client.SendAsync<OffsetDeleteRequest, OffsetDeleteResponse>(new OffsetDeleteRequest("del", [new OffsetDeleteRequest.Topic("t", [1])]), 0, Ct);
        var fetch = await client.SendAsync<OffsetFetchRequest, OffsetFetchResponse>(new OffsetFetchRequest("del", null), 2, Ct);
        var delete = await client.SendAsync<DeleteGroupsRequest, DeleteGroupsResponse>(new DeleteGroupsRequest(["del", "missing"]), 1, Ct);
        var missingOffsets = await client.SendAsync<OffsetDeleteRequest, OffsetDeleteResponse>(new OffsetDeleteRequest("del", [new OffsetDeleteRequest.Topic("t", [0])]), 0, Ct);

        Assert.Equal(ErrorCode.None, offsetDelete.Topics.Single().Partitions.Single().ErrorCode);
        Assert.Equal([0], fetch.Topics.Single().Partitions.Select(p => p.PartitionIndex));
        Assert.Equal([ErrorCode.None, ErrorCode.GroupIdNotFound], delete.Results.Select(r => r.ErrorCode));
        Assert.Equal(ErrorCode.GroupIdNotFound, missingOffsets.ErrorCode);
    }
}
