using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Groups.Integration;

/// <summary>Confluent.Kafka's admin API for consumer groups, end to end against a live group.</summary>
public sealed class GroupAdminTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AdminApi_ListDescribeOffsetsAlterDelete_AgainstALiveThenEmptyGroup()
    {
        await using var scenario = await GroupScenario.StartAsync();
        var a = scenario.StartMember("member-a");
        var b = scenario.StartMember("member-b");
        await scenario.WaitForBalanceAsync(Settle, GroupScenario.Partitions / 2, a, b);
        using var admin = KafkaClients.Admin(scenario.Broker.BootstrapServers);

        var all = await admin.ListConsumerGroupsAsync();
        var stable = await admin.ListConsumerGroupsAsync(new ListConsumerGroupsOptions { MatchStates = [ConsumerGroupState.Stable] });
        var empty = await admin.ListConsumerGroupsAsync(new ListConsumerGroupsOptions { MatchStates = [ConsumerGroupState.Empty] });
        Assert.Contains(all.Valid, g => g.GroupId == scenario.Group && g.IsSimpleConsumerGroup == false);
        Assert.Equal(ConsumerGroupState.Stable, stable.Valid.Single(g => g.GroupId == scenario.Group).State);
        Assert.DoesNotContain(empty.Valid, g => g.GroupId == scenario.Group);

        var description = (await admin.DescribeConsumerGroupsAsync([scenario.Group])).ConsumerGroupDescriptions.Single();
        Assert.Equal(ConsumerGroupState.Stable, description.State);
        Assert.Equal("range", description.PartitionAssignor);
        Assert.Equal(["member-a", "member-b"], description.Members.Select(m => m.ClientId).Order());
        Assert.All(description.Members, m => Assert.Equal("/127.0.0.1", m.Host));
        Assert.Equal(scenario.AllPartitions, description.Members.SelectMany(m => m.Assignment.TopicPartitions).Select(p => $"{p.Topic}:{p.Partition.Value}").ToHashSet());
        var memberA = description.Members.Single(m => m.ClientId == "member-a");
        Assert.Equal(a.Assignment, memberA.Assignment.TopicPartitions.Select(p => $"{p.Topic}:{p.Partition.Value}").ToHashSet());

        var refused = await Assert.ThrowsAsync<DeleteGroupsException>(() => admin.DeleteGroupsAsync([scenario.Group]));
        Assert.Equal(ErrorCode.NonEmptyGroup, refused.Results.Single().Error.Code);

        await CommitEveryPartitionAsync(a);
        await CommitEveryPartitionAsync(b);
        await a.CloseAsync(Settle);
        await b.CloseAsync(Settle);

        var offsets = (await admin.ListConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitions(scenario.Group, null)])).Single();
        Assert.Equal(scenario.AllPartitions, offsets.Partitions.Select(p => $"{p.Topic}:{p.Partition.Value}").ToHashSet());
        Assert.All(offsets.Partitions, p => Assert.True(p.Offset.Value > 0));

        var t0 = new TopicPartition(scenario.Topic, 0);
        await admin.AlterConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitionOffsets(scenario.Group, [new TopicPartitionOffset(t0, 3)])]);
        var altered = (await admin.ListConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitions(scenario.Group, [t0])])).Single();
        Assert.Equal(3, altered.Partitions.Single().Offset.Value);

        var deletedOffsets = await admin.DeleteConsumerGroupOffsetsAsync(scenario.Group, [t0]);
        Assert.Equal(t0, deletedOffsets.Partitions.Single());
        var afterDelete = (await admin.ListConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitions(scenario.Group, null)])).Single();
        Assert.DoesNotContain(afterDelete.Partitions, p => p.Partition.Value == 0);

        var emptyNow = await admin.ListConsumerGroupsAsync(new ListConsumerGroupsOptions { MatchStates = [ConsumerGroupState.Empty] });
        Assert.Contains(emptyNow.Valid, g => g.GroupId == scenario.Group);
        await admin.DeleteGroupsAsync([scenario.Group]);
        var afterGroupDelete = await admin.ListConsumerGroupsAsync();
        Assert.DoesNotContain(afterGroupDelete.Valid, g => g.GroupId == scenario.Group);
        var gone = (await admin.DescribeConsumerGroupsAsync([scenario.Group])).ConsumerGroupDescriptions.Single();
        Assert.Equal(ConsumerGroupState.Dead, gone.State);
    }

    [Fact]
    public async Task DeleteConsumerGroupOffsets_TopicTheActiveGroupReads_IsRefused()
    {
        await using var scenario = await GroupScenario.StartAsync();
        var a = scenario.StartMember("a");
        await scenario.WaitForBalanceAsync(Settle, GroupScenario.Partitions, a);
        await CommitEveryPartitionAsync(a);
        using var admin = KafkaClients.Admin(scenario.Broker.BootstrapServers);

        var error = await Assert.ThrowsAsync<DeleteConsumerGroupOffsetsException>(() =>
            admin.DeleteConsumerGroupOffsetsAsync(scenario.Group, [new TopicPartition(scenario.Topic, 0)]));

        Assert.Equal(ErrorCode.GroupSubscribedToTopic, error.Result.Partitions.Single().Error.Code);
    }

    /// <summary>Once the member has consumed from each of its partitions, commits its positions and waits for the answer.</summary>
    private static async Task CommitEveryPartitionAsync(GroupMemberProcess member)
    {
        foreach (var partition in member.Assignment)
        {
            await member.WaitForAsync(e => e.Event == "record" && $"{e.Topic}:{e.Partition}" == partition, Settle, $"a record from {partition}");
        }
        var before = member.Events.Count;
        member.Send("commit");
        var outcome = await member.WaitForAsync(e => e.Event is "committed" or "commit-failed", Settle, "the commit's outcome", before);
        Assert.True(outcome.Event == "committed", $"{member.Name}: commit failed: {outcome.Detail}");
    }
}
