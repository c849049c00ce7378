namespace LagLab.Broker.Tests.Groups.Integration;

/// <summary>
/// Real Confluent.Kafka consumers, each in its own process, in one group on the embedded broker: what they
/// observe when a member joins, leaves cleanly, or is killed, for each assignor.
/// </summary>
public sealed class ConsumerGroupRebalanceTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("range")]
    [InlineData("roundrobin")]
    [InlineData("cooperative-sticky")]
    public async Task MemberJoins_PartitionsAreSplitAndBothConsume(string assignor)
    {
        await using var scenario = await GroupScenario.StartAsync();
        var a = scenario.StartMember("a", assignor);
        await scenario.WaitForBalanceAsync(Settle, GroupScenario.Partitions, a);

        var b = scenario.StartMember("b", assignor);
        await scenario.WaitForBalanceAsync(Settle, GroupScenario.Partitions / 2, a, b);

        var revokedFromA = a.Events.Where(e => e.Event == "revoked").SelectMany(e => e.Partitions).ToHashSet();
        Assert.True(revokedFromA.IsSupersetOf(b.Assignment), $"a was never asked to give up b's partitions:\n{a.Transcript()}");
        var since = GroupScenario.Now;
        foreach (var member in new[] { a, b })
        {
            foreach (var partition in member.Assignment)
            {
                await member.WaitForAsync(e => e.Event == "record" && e.T > since && $"{e.Topic}:{e.Partition}" == partition, Settle, $"a record from {partition}");
            }
        }
    }

    [Theory]
    [InlineData("range")]
    [InlineData("roundrobin")]
    [InlineData("cooperative-sticky")]
    public async Task MemberLeavesCleanly_RemainingMemberTakesOverWithoutWaitingForTheSession(string assignor)
    {
        await using var scenario = await GroupScenario.StartAsync();
        var a = scenario.StartMember("a", assignor);
        var b = scenario.StartMember("b", assignor);
        await scenario.WaitForBalanceAsync(Settle, GroupScenario.Partitions / 2, a, b);
        var fromB = b.Assignment;

        var left = GroupScenario.Now;
        await b.CloseAsync(TimeSpan.FromSeconds(20));
        await a.WaitForAssignmentAsync(x => x.SetEquals(scenario.AllPartitions), Settle, "all partitions");
        var tookOver = a.Events.Last(e => e.Event == "assigned").T;

        Assert.Contains(b.Events, e => e.Event == "revoked" && e.Partitions.ToHashSet().SetEquals(fromB));
        // LeaveGroup starts the rebalance at once: far below the 6 s session timeout.
        Assert.True(tookOver - left < 4_000, $"a took over {tookOver - left} ms after b left.\n{a.Transcript()}");
        foreach (var partition in fromB)
        {
            await a.WaitForAsync(e => e.Event == "record" && e.T > tookOver && $"{e.Topic}:{e.Partition}" == partition, Settle, $"a record from {partition}");
        }
    }

    [Theory]
    [InlineData("range")]
    [InlineData("roundrobin")]
    [InlineData("cooperative-sticky")]
    public async Task MemberKilled_GroupRebalancesAfterTheSessionTimeout(string assignor)
    {
        await using var scenario = await GroupScenario.StartAsync();
        var a = scenario.StartMember("a", assignor);
        var b = scenario.StartMember("b", assignor);
        await scenario.WaitForBalanceAsync(Settle, GroupScenario.Partitions / 2, a, b);
        var fromB = b.Assignment;

        var killed = GroupScenario.Now;
        await b.KillAsync();
        await a.WaitForAssignmentAsync(x => x.SetEquals(scenario.AllPartitions), Settle, "all partitions");
        var firstFromOrphans = (await a.WaitForAsync(e => e.Event == "record" && e.T > killed && fromB.Contains($"{e.Topic}:{e.Partition}"), Settle, "a record from b's partitions")).T;

        // b's session ends at its last heartbeat (at most 500 ms before the kill) + 6 s; nobody reads its partitions before.
        var gap = firstFromOrphans - killed;
        Assert.True(gap >= GroupScenario.SessionTimeoutMs - 1_000, $"b's partitions were read again after only {gap} ms.\n{a.Transcript()}");
        Assert.True(gap < GroupScenario.SessionTimeoutMs + 6_000, $"b's partitions stayed orphaned for {gap} ms.\n{a.Transcript()}");
    }
}
