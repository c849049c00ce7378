namespace LagLab.Broker.Tests.Groups.Integration;

/// <summary>
/// Incremental (KIP-429) against eager rebalancing, as the consumers experience it: with cooperative-sticky a
/// member keeps consuming the partitions it keeps; with eager every partition is revoked.
/// </summary>
public sealed class CooperativeRebalanceTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CooperativeSticky_PartitionsThatStay_AreConsumedWithoutABreak()
    {
        await using var scenario = await GroupScenario.StartAsync();
        var a = scenario.StartMember("a", "cooperative-sticky");
        await scenario.WaitForBalanceAsync(Settle, GroupScenario.Partitions, a);

        var joined = GroupScenario.Now;
        var b = scenario.StartMember("b", "cooperative-sticky");
        await scenario.WaitForBalanceAsync(Settle, GroupScenario.Partitions / 2, a, b);
        var balanced = GroupScenario.Now;
        await Task.Delay(500, TestContext.Current.CancellationToken);

        var kept = a.Assignment;
        var revoked = a.Events.Where(e => e.Event == "revoked").ToArray();
        var onlyRevocation = Assert.Single(revoked);
        Assert.True(onlyRevocation.Partitions.ToHashSet().SetEquals(b.Assignment), $"a gave up more than it had to:\n{a.Transcript()}");
        Assert.All(a.Events.Where(e => e.Event is "assigned" or "revoked"), e => Assert.NotEmpty(e.Assignment ?? ["(initial)"]));
        foreach (var partition in kept)
        {
            var times = a.Records.Where(e => $"{e.Topic}:{e.Partition}" == partition && e.T >= joined && e.T <= balanced + 500).Select(e => e.T).Order().ToArray();
            Assert.NotEmpty(times);
            var longestGap = times.Zip(times.Skip(1), (x, y) => y - x).DefaultIfEmpty(0).Max();
            Assert.True(longestGap < 1_000, $"{partition} stayed with a but was not consumed for {longestGap} ms during the rebalance.");
        }
    }

    [Theory]
    [InlineData("range")]
    [InlineData("roundrobin")]
    public async Task Eager_EveryPartitionIsRevokedOnRebalance(string assignor)
    {
        await using var scenario = await GroupScenario.StartAsync();
        var a = scenario.StartMember("a", assignor);
        await scenario.WaitForBalanceAsync(Settle, GroupScenario.Partitions, a);

        var b = scenario.StartMember("b", assignor);
        await scenario.WaitForBalanceAsync(Settle, GroupScenario.Partitions / 2, a, b);

        var revocation = a.Events.First(e => e.Event == "revoked");
        Assert.True(revocation.Partitions.ToHashSet().SetEquals(scenario.AllPartitions), $"eager revoked only some partitions:\n{a.Transcript()}");
        Assert.Empty(revocation.Assignment!);
    }
}
