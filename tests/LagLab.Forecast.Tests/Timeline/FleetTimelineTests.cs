using LagLab.Forecast.Timeline;
using LagLab.Scenarios;

namespace LagLab.Forecast.Tests.Timeline;

public sealed class FleetTimelineTests
{
    private static Scenario Fleet(int partitions, int instances, Assignor assignor, bool isStatic, TimeSpan rebalance, params ScenarioAction[] actions)
    {
        var s = TestScenarios.Constant(100, partitions, instances);
        return s with
        {
            Fleet = s.Fleet with { Assignor = assignor, StaticMembership = isStatic, RebalanceTime = rebalance },
            Actions = actions,
        };
    }

    /// <summary>For each partition, the wall-time intervals in which nobody processes it.</summary>
    private static List<(double From, double To)> Unowned(IReadOnlyList<FleetSegment> segments, int partition) =>
        Merge(segments.Where(s => partition < s.Partitions && s.Owner[partition] < 0).Select(s => (s.Start, s.End)));

    private static List<(double From, double To)> Merge(IEnumerable<(double From, double To)> spans)
    {
        var merged = new List<(double From, double To)>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && merged[^1].To == span.From)
            {
                merged[^1] = (merged[^1].From, span.To);
            }
            else
            {
                merged.Add(span);
            }
        }
        return merged;
    }

    [Fact]
    public void Build_NoActions_IsOneSegmentWithABalancedAssignment()
    {
        var segment = Assert.Single(FleetTimeline.Build(Fleet(3, 2, Assignor.Range, false, TimeSpan.FromSeconds(10)), 100));

        Assert.Equal((0, 100), (segment.Start, segment.End));
        Assert.Equal([2, 1], segment.OwnedCounts());
    }

    [Fact]
    public void Build_EagerRollingDeploy_StopsEveryPartitionForEachLeaveAndRejoin()
    {
        var segments = FleetTimeline.Build(Fleet(2, 2, Assignor.Range, false, TimeSpan.FromSeconds(10), new RollingDeployAction(TimeSpan.FromSeconds(100), null)), 200);

        Assert.Equal([(100, 126)], Unowned(segments, 0));
        Assert.Equal([(100, 126)], Unowned(segments, 1));
        Assert.Equal([1, 1], segments[^1].OwnedCounts());
    }

    [Fact]
    public void Build_CooperativeRollingDeploy_StopsOnlyThePartitionsThatMove()
    {
        var segments = FleetTimeline.Build(Fleet(2, 2, Assignor.CooperativeSticky, false, TimeSpan.FromSeconds(2), new RollingDeployAction(TimeSpan.FromSeconds(100), null)), 200);

        // Instance 0 leaves at 100: its partition 0 moves to instance 1 (2 s). It rejoins at 103 and, sticky,
        // takes back the partition instance 1 can give up: partition 1 (2 s). Instance 1 goes at 105: partition 0
        // moves to instance 0 (2 s); it rejoins at 108 and partition 1 comes back to it (2 s). The group never stops.
        Assert.Equal([(100, 102), (105, 107)], Unowned(segments, 0));
        Assert.Equal([(103, 105), (108, 110)], Unowned(segments, 1));
        Assert.DoesNotContain(segments, s => s.Owner.All(o => o < 0));
    }

    [Fact]
    public void Build_StaticRollingDeploy_PartitionsWaitForTheirOwner()
    {
        var segments = FleetTimeline.Build(Fleet(4, 2, Assignor.CooperativeSticky, true, TimeSpan.FromSeconds(2), new RollingDeployAction(TimeSpan.FromSeconds(100), null)), 200);

        // Instance 0 owns partitions 0 and 2, instance 1 owns 1 and 3; each waits while its owner restarts.
        Assert.Equal([0, 1, 0, 1], segments[0].Owner);
        Assert.Equal([(100, 103)], Unowned(segments, 0));
        Assert.Equal([(100, 103)], Unowned(segments, 2));
        Assert.Equal([(103, 106)], Unowned(segments, 1));
        Assert.Equal([(103, 106)], Unowned(segments, 3));
    }

    [Fact]
    public void Build_RepeatedDeploys_RepeatEveryPeriod()
    {
        var segments = FleetTimeline.Build(Fleet(1, 1, Assignor.Range, false, TimeSpan.FromSeconds(2), new RollingDeployAction(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(100))), 350);

        // A single instance: away 3 s, then the join's 2 s rebalance.
        Assert.Equal([(100, 105), (200, 205), (300, 305)], Unowned(segments, 0));
    }

    [Fact]
    public void Build_Kill_KeepsThePartitionsUntilTheSessionTimesOut()
    {
        var segments = FleetTimeline.Build(Fleet(2, 2, Assignor.Range, false, TimeSpan.FromSeconds(10), new KillAction(TimeSpan.FromSeconds(100), 1, null)), 300);

        // Instance 1's partition waits 45 s for the session to expire, then the eager rebalance stops both for 10 s.
        Assert.Equal([(145, 155)], Unowned(segments, 0));
        Assert.Equal([(100, 155)], Unowned(segments, 1));
        Assert.Equal([2, 0], segments[^1].OwnedCounts());
    }

    [Fact]
    public void Build_StaticKillWithQuickRestart_NeedsNoRebalance()
    {
        var segments = FleetTimeline.Build(Fleet(2, 2, Assignor.Range, true, TimeSpan.FromSeconds(10), new KillAction(TimeSpan.FromSeconds(100), 1, TimeSpan.FromSeconds(20))), 300);

        Assert.Empty(Unowned(segments, 0));
        Assert.Equal([(100, 120)], Unowned(segments, 1));
    }

    [Fact]
    public void Build_ScaleUp_JoinsAfterStartingAndRebalances()
    {
        var segments = FleetTimeline.Build(Fleet(3, 1, Assignor.Range, false, TimeSpan.FromSeconds(10), new ScaleAction(TimeSpan.FromSeconds(100), 3)), 300);

        Assert.Equal([(103, 113)], Unowned(segments, 0));
        Assert.Equal([1, 1, 1], segments[^1].OwnedCounts());
    }

    [Fact]
    public void Build_AddPartitions_GrowsTheTopicAndRebalances()
    {
        var segments = FleetTimeline.Build(Fleet(2, 2, Assignor.CooperativeSticky, false, TimeSpan.FromSeconds(2), new AddPartitionsAction(TimeSpan.FromSeconds(100), 4)), 300);

        Assert.Equal(2, segments[0].Partitions);
        Assert.Equal(4, segments[^1].Partitions);
        Assert.Empty(Unowned(segments, 0));
        Assert.Equal([(100, 102)], Unowned(segments, 3));
        Assert.Equal([2, 2], segments[^1].OwnedCounts());
    }

    [Fact]
    public void Build_BrokerAndBankOutages_AreMarked()
    {
        var segments = FleetTimeline.Build(Fleet(1, 1, Assignor.CooperativeSticky, false, TimeSpan.FromSeconds(2),
            new PauseBrokerAction(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)),
            new BankOutageAction(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20))), 100);

        Assert.Equal([(10, 15)], Merge(segments.Where(s => s.BrokerDown).Select(s => (s.Start, s.End))));
        Assert.Equal([(30, 50)], Merge(segments.Where(s => s.BankDown).Select(s => (s.Start, s.End))));
        Assert.Equal([(10, 15)], Unowned(segments, 0));
    }
}
