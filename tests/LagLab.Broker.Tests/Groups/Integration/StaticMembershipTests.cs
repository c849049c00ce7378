namespace LagLab.Broker.Tests.Groups.Integration;

/// <summary>KIP-345 with real consumers: a static member that restarts in time changes nothing; one that stays away is replaced.</summary>
public sealed class StaticMembershipTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StaticMemberRestartsWithinSessionTimeout_NoRebalanceAndOthersKeepConsuming()
    {
        await using var scenario = await GroupScenario.StartAsync();
        var a = scenario.StartMember("a", instanceId: "pod-a");
        var b = scenario.StartMember("b", instanceId: "pod-b");
        await scenario.WaitForBalanceAsync(Settle, GroupScenario.Partitions / 2, a, b);
        var before = b.Assignment;
        var aCallbacks = a.Events.Count(e => e.Event is "assigned" or "revoked" or "lost");

        var killed = GroupScenario.Now;
        await b.KillAsync();
        var restarted = scenario.StartMember("b2", instanceId: "pod-b");
        await restarted.WaitForAssignmentAsync(x => x.Count > 0, Settle, "its partitions");
        var back = restarted.Events.First(e => e.Event == "assigned").T;
        var after = GroupScenario.Now;
        await Task.Delay(1_000, TestContext.Current.CancellationToken);

        Assert.True(back - killed < GroupScenario.SessionTimeoutMs, $"The restart took {back - killed} ms, past the session timeout; the test proves nothing.");
        Assert.Equal(before, restarted.Assignment);
        // a saw no revocation and no new assignment: no rebalance happened.
        Assert.Equal(aCallbacks, a.Events.Count(e => e.Event is "assigned" or "revoked" or "lost"));
        // And a kept consuming its own partitions throughout.
        var aRecords = a.Records.Where(e => e.T >= killed - 500 && e.T <= after).Select(e => e.T).Order().ToArray();
        Assert.NotEmpty(aRecords);
        var longestGap = aRecords.Zip(aRecords.Skip(1), (x, y) => y - x).DefaultIfEmpty(0).Max();
        Assert.True(longestGap < 1_000, $"a stopped consuming for {longestGap} ms during b's restart.");
    }

    [Fact]
    public async Task StaticMemberAwayPastSessionTimeout_GroupRebalances()
    {
        await using var scenario = await GroupScenario.StartAsync();
        var a = scenario.StartMember("a", instanceId: "pod-a");
        var b = scenario.StartMember("b", instanceId: "pod-b");
        await scenario.WaitForBalanceAsync(Settle, GroupScenario.Partitions / 2, a, b);

        var killed = GroupScenario.Now;
        await b.KillAsync();
        await a.WaitForAssignmentAsync(x => x.SetEquals(scenario.AllPartitions), Settle, "all partitions");
        var tookOver = a.Events.Last(e => e.Event == "assigned").T;

        Assert.True(tookOver - killed >= GroupScenario.SessionTimeoutMs - 1_000, $"a took over after only {tookOver - killed} ms.");
        Assert.Contains(a.Events, e => e.Event == "revoked" && e.T > killed);

        // The instance coming back late is a new member: it joins through a normal rebalance.
        var late = scenario.StartMember("b-late", instanceId: "pod-b");
        await scenario.WaitForBalanceAsync(Settle, GroupScenario.Partitions / 2, a, late);
    }
}
