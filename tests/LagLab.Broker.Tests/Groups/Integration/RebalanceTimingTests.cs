namespace LagLab.Broker.Tests.Groups.Integration;

/// <summary>Kafka's timing rules as real consumers feel them: the initial delay of an empty group, and no waiting once everyone rejoined.</summary>
public sealed class RebalanceTimingTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task FirstJoinOfEmptyGroup_CompletesAfterTheInitialRebalanceDelay()
    {
        const int delay = 2_000;
        await using var scenario = await GroupScenario.StartAsync(initialRebalanceDelayMs: delay);

        var a = scenario.StartMember("a");
        await scenario.WaitForBalanceAsync(Settle, GroupScenario.Partitions, a);

        var subscribed = a.Events.First(e => e.Event == "started").T;
        var assigned = a.Events.First(e => e.Event == "assigned").T;
        Assert.True(assigned - subscribed >= delay, $"Assigned {assigned - subscribed} ms after subscribing, before the {delay} ms initial delay.");
        Assert.True(assigned - subscribed < delay + 3_000, $"Assigned only {assigned - subscribed} ms after subscribing.");
    }

    [Fact]
    public async Task JoinIntoStableGroup_CompletesAsSoonAsEveryMemberRejoined()
    {
        await using var scenario = await GroupScenario.StartAsync();
        var a = scenario.StartMember("a");
        var b = scenario.StartMember("b");
        await scenario.WaitForBalanceAsync(Settle, GroupScenario.Partitions / 2, a, b);

        var c = scenario.StartMember("c");
        await c.WaitForAssignmentAsync(x => x.Count > 0, Settle, "a partition");
        await a.WaitForAssignmentAsync(x => x.Count > 0, Settle, "a partition");
        await b.WaitForAssignmentAsync(x => x.Count > 0, Settle, "a partition");

        var joining = c.Events.First(e => e.Event == "started").T;
        var complete = new[] { a, b, c }.Max(m => m.Events.Last(e => e.Event == "assigned").T);
        // Members learn of the rebalance from a heartbeat (every 500 ms) and rejoin; nobody waits for the
        // 6 s session timeout or the 30 s rebalance timeout (max.poll.interval.ms).
        Assert.True(complete - joining < 4_000, $"The join into a stable group took {complete - joining} ms.");
    }
}
