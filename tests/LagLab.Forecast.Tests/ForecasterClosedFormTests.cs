using LagLab.Scenarios;

namespace LagLab.Forecast.Tests;

public sealed class ForecasterClosedFormTests
{
    [Fact]
    public void Run_ConstantInflowAboveCapacity_GrowsLagAtExactlyTheDifference()
    {
        // 300/s into a fleet the bank holds to 200/s: lag(t) = 100 t.
        var r = TestScenarios.Run(TestScenarios.Constant(300), TimeSpan.FromHours(1));

        // Times are TimeSpans (100 ns ticks): 100/s × 1e-7 s bounds the representation error.
        Assert.All(r.Points, p => Assert.Equal(100 * p.WallTime.TotalSeconds, p.Lag, 4));
        Assert.Equal(360_000, r.MaxLag, 6);
        Assert.Equal(TimeSpan.FromHours(1), r.MaxLagAt);
        Assert.Equal(360_000, r.EndLag, 6);
        Assert.Null(r.FinalDrain);
    }

    [Fact]
    public void Run_ConstantInflowAboveCapacity_TimeLagIsTheShareNotYetConsumed()
    {
        // The oldest unconsumed event arrived when arrivals equalled what was consumed: in τ = c t, so time lag = t (1 − c / in).
        var r = TestScenarios.Run(TestScenarios.Constant(300), TimeSpan.FromHours(1));

        Assert.Equal(3600.0 / 3, r.MaxTimeLag.TotalSeconds, 3);
    }

    [Fact]
    public void Run_ConstantInflowAboveCapacity_AlertsFireForDurationAfterTheCrossing()
    {
        // Crosses 1,000 at 10 s and 10,000 at 100 s; each fires 5 minutes later.
        var r = TestScenarios.Run(TestScenarios.Constant(300), TimeSpan.FromHours(1));

        var warning = r.Alerts.Single(a => a.Severity == AlertSeverity.Warning);
        var critical = r.Alerts.Single(a => a.Severity == AlertSeverity.Critical);
        Assert.Equal(10, warning.FirstAbove!.Value.TotalSeconds, 6);
        Assert.Equal(310, warning.FiresAt!.Value.TotalSeconds, 6);
        Assert.Equal(100, critical.FirstAbove!.Value.TotalSeconds, 6);
        Assert.Equal(400, critical.FiresAt!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void Run_InflowBelowCapacity_KeepsLagAtZero()
    {
        var r = TestScenarios.Run(TestScenarios.Constant(199), TimeSpan.FromDays(14));

        Assert.Equal(0, r.MaxLag);
        Assert.All(r.Alerts, a => Assert.Null(a.FiresAt));
        Assert.Empty(r.Episodes);
    }

    [Fact]
    public void Run_BankOutage_DrainTimeIsBacklogOverSpareCapacity()
    {
        // 100/s for a 60 s outage leaves 6,000; the bank's 200/s drains it at 100/s spare: 60 s.
        var s = TestScenarios.Constant(100) with { Actions = [new BankOutageAction(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60))] };

        var r = TestScenarios.Run(s, TimeSpan.FromMinutes(10));

        var episode = Assert.Single(r.Episodes);
        Assert.Equal(60, episode.Start.TotalSeconds, 6);
        Assert.Equal(120, episode.PeakAt.TotalSeconds, 6);
        Assert.Equal(6000, episode.Peak, 6);
        Assert.Equal(180, episode.DrainedAt!.Value.TotalSeconds, 6);
        Assert.Equal(60, episode.DrainTime!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void Run_BacklogLeftAtTheHorizon_DrainsAtTheSpareCapacityThen()
    {
        // 50 s down at 150/s leaves 7,500; 50 s at 50/s spare drains 2,500; the last 5,000 need 100 s more.
        var s = TestScenarios.Constant(150) with { Actions = [new BankOutageAction(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(50))] };

        var r = TestScenarios.Run(s, TimeSpan.FromSeconds(200));

        Assert.Equal(5000, r.EndBacklog, 6);
        Assert.Equal(100, r.FinalDrain!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void Run_EagerRollingDeploy_StopsTheGroupAsComputed_AndTheBacklogDrainsAtTheSpare()
    {
        // Two instances, eager: each restart is a leave (10 s pause) and a rejoin after 3 s that extends it
        // to 13 s; two instances: 26 s without processing, 26 × 150 = 3,900 events, drained at 50/s in 78 s.
        var s = TestScenarios.Constant(150, partitions: 2, instances: 2) with
        {
            Actions = [new RollingDeployAction(TimeSpan.FromSeconds(600), null)],
        };

        var r = TestScenarios.Run(s, TimeSpan.FromMinutes(20));

        Assert.Equal(TimeSpan.FromSeconds(26), r.Capacity.DeployGroupPause);
        Assert.Equal(26 * 200, r.Capacity.DeployLoss, 6);
        var episode = Assert.Single(r.Episodes);
        Assert.Equal(626, episode.PeakAt.TotalSeconds, 6);
        Assert.Equal(3900, episode.Peak, 6);
        Assert.Equal(78, episode.DrainTime!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void Run_StaticRollingDeploy_PausesOnlyTheRestartingInstancesPartitions()
    {
        // Static + cooperative, budget 200/s split by share: each instance is away 3 s; its partition (75/s)
        // collects 225 and drains at its 100/s budget share.
        var s = StaticPairDeployingAt600();

        var r = TestScenarios.Run(s, TimeSpan.FromMinutes(20));

        Assert.Equal(TimeSpan.Zero, r.Capacity.DeployGroupPause);
        Assert.Equal(TimeSpan.FromSeconds(3), r.Capacity.DeployLongestPartitionPause);
        Assert.Equal(2 * 3 * 100, r.Capacity.DeployLoss, 6);
        Assert.Equal(225, r.MaxPartitionLag, 6);
        // At 606 s: the first partition drained 3 s at 25/s (150 left), the second holds 225.
        Assert.Equal(375, r.MaxLag, 6);
    }

    [Fact]
    public void Run_CommitTrail_AddsTheReplayToKafkaLag_BoundedByTheBacklog()
    {
        // 150/s into one blocking instance at 100/s: the backlog grows 50/s; the committed offset trails what was
        // applied by at most the 500 a restart would re-send, so Kafka lag is 50t + min(50t, 500).
        var s = TestScenarios.Constant(150, processing: ProcessingMode.Blocking) with
        {
            Fleet = TestScenarios.Constant(150, processing: ProcessingMode.Blocking).Fleet with { RestartReplay = 500 },
        };

        Assert.Equal(30_000 + 500, TestScenarios.Run(s, TimeSpan.FromSeconds(600)).MaxLag, 6);
        Assert.Equal(400 + 400, TestScenarios.Run(s, TimeSpan.FromSeconds(8)).MaxLag, 6);
    }

    [Fact]
    public void Run_StaticRestartWithReplay_StallsItsPartitionsForRestartPlusReplayAtItsBudgetShare()
    {
        // As above, plus 200 already-applied events re-sent by each restarted instance at its 100/s share: each
        // partition waits 3 s + 2 s. At 605 s p0 holds 5 x 75 = 375 and p1 (stopped at 603) 150; until 608 p0 drains
        // at 25/s while p1 grows at 75/s: 300 + 375 = 675 of backlog. Kafka lag adds the commit trail, the replay
        // over each instance's one partition (200 each, less where the backlog is smaller): 1,075.
        var s = StaticPairDeployingAt600(replay: 200);

        var r = TestScenarios.Run(s, TimeSpan.FromMinutes(20));

        Assert.Equal(TimeSpan.FromSeconds(5), r.Capacity.DeployLongestPartitionPause);
        Assert.Equal(2 * 5 * 100, r.Capacity.DeployLoss, 6);
        Assert.Equal(375 + 200, r.MaxPartitionLag, 6);
        Assert.Equal(675 + 400, r.MaxLag, 6);
        Assert.Equal(608, r.MaxLagAt.TotalSeconds, 6);
    }

    [Fact]
    public void Run_MeasuredDeployReplays_OverrideTheScenariosReplayPerDeploy()
    {
        // The static case above without a stated replay; the first deploy is given 200 re-sent events per
        // instance (the same answer, 1,075 at 608 s), the second (at 1,200 s, nothing left by then) none: it costs
        // only its 3 s stalls, 225 per partition, and there is no commit trail any more.
        var s = StaticPairDeployingAt600(every: TimeSpan.FromSeconds(600));

        var r = Forecaster.Run(s, new ForecastOptions { Horizon = TimeSpan.FromSeconds(1500), Recommend = false, MaxPoints = 100_000, DeployReplays = [200, 0] });

        Assert.Equal(1075, r.MaxLag, 6);
        Assert.Equal(608, r.MaxLagAt.TotalSeconds, 6);
        Assert.Equal(575, r.MaxPartitionLag, 6);
        Assert.Equal(375, TestScenarios.At(r, 1206, p => p.Lag), 6);
    }

    [Fact]
    public void Run_EagerRestartWithReplay_ReplayStartsAfterTheRejoinRebalance()
    {
        // One blocking instance at 100 calls/s, fed 50/s, range: it leaves at 600, is back at 603 and rejoins; the
        // rebalance stops the group until 613; then it re-sends 300 events at 100/s until 616. Nothing is processed
        // for 16 s: 800 events, drained at the 50/s spare in 16 s; Kafka lag adds the 300-event commit trail.
        var s = TestScenarios.Constant(50, processing: ProcessingMode.Blocking) with
        {
            Fleet = TestScenarios.Constant(50, processing: ProcessingMode.Blocking).Fleet with { RestartReplay = 300 },
            Actions = [new RollingDeployAction(TimeSpan.FromSeconds(600), null)],
        };

        var r = TestScenarios.Run(s, TimeSpan.FromMinutes(20));

        Assert.Equal(TimeSpan.FromSeconds(16), r.Capacity.DeployGroupPause);
        Assert.Equal(800 + 300, r.MaxLag, 6);
        Assert.Equal(616, r.MaxLagAt.TotalSeconds, 6);
        Assert.Equal(16, r.Episodes.Single().DrainTime!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void Run_CompressedTime_ScalesPeriodsAndAlertDurations_NotRates()
    {
        // A day in 180 s of wall time: lag grows 100 per wall second; the 5 m `for` lasts 0.625 s.
        var s = TestScenarios.Constant(300) with { TimeScale = new TimeScale(480) };

        var r = TestScenarios.Run(s, TimeSpan.FromDays(1));

        Assert.Equal(TimeSpan.FromSeconds(180), r.WallHorizon);
        Assert.Equal(18_000, r.MaxLag, 6);
        var warning = r.Alerts.Single(a => a.Severity == AlertSeverity.Warning);
        Assert.Equal((10 + 0.625) * 480, warning.FiresAt!.Value.TotalSeconds, 3);
    }

    [Fact]
    public void Run_BrokerRestart_DeliversTheProducersBufferWhenItReturns()
    {
        // 10 s down at 100/s: the producer holds 1,000 and delivers them at once; drained at 100/s spare in 10 s.
        var s = TestScenarios.Constant(100) with
        {
            Fleet = TestScenarios.Constant(100).Fleet with { Assignor = Assignor.CooperativeSticky },
            Actions = [new RestartBrokerAction(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10))],
        };

        var r = TestScenarios.Run(s, TimeSpan.FromMinutes(5));

        Assert.Equal(1000, r.MaxLag, 6);
        Assert.Equal(70, r.MaxLagAt.TotalSeconds, 6);
        Assert.Equal(80, r.Episodes.Single().DrainedAt!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void Run_DurableBufferDuringOutage_SpoolsInsteadOfLagging()
    {
        var s = TestScenarios.Constant(100) with
        {
            Fleet = TestScenarios.Constant(100).Fleet with { Buffer = BufferMode.Durable, RateLimit = 200 },
            Actions = [new BankOutageAction(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60))],
        };

        var r = TestScenarios.Run(s, TimeSpan.FromMinutes(10));

        Assert.Equal(0, r.MaxLag, 6);
        Assert.Equal(6000, r.MaxSpool, 6);
        Assert.Equal(6000, r.MaxBacklog, 6);
        Assert.Equal(60, r.Episodes.Single().DrainTime!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void Run_DurableBufferFull_LagTakesOverAtTheLimit()
    {
        var s = TestScenarios.Constant(100) with
        {
            Fleet = TestScenarios.Constant(100).Fleet with { Buffer = BufferMode.Durable, BufferLimit = 2000, RateLimit = 200 },
            Actions = [new BankOutageAction(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60))],
        };

        var r = TestScenarios.Run(s, TimeSpan.FromMinutes(10));

        Assert.Equal(2000, r.MaxSpool, 6);
        Assert.Equal(4000, r.MaxLag, 6);
        Assert.Equal(6000, r.MaxBacklog, 6);
        Assert.Equal(0, r.EndBacklog, 6);
    }

    [Fact]
    public void Run_Options_AreValidated()
    {
        var s = TestScenarios.Constant(1);

        Assert.Contains("--horizon", Assert.Throws<ArgumentException>(() => Forecaster.Run(s, new ForecastOptions { Horizon = TimeSpan.Zero })).Message, StringComparison.Ordinal);
        Assert.Contains("--target-lag", Assert.Throws<ArgumentException>(() => Forecaster.Run(s, new ForecastOptions { TargetLag = -1 })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TinyBacklogUnderTheBanksCap_DoesNotChatter()
    {
        // Regression: under the bank's global cap, a residue of a millionth of an event on one instance made it
        // demand its full capacity and throttle the other below its inflow, and back: steps of 1e-7 s for ever.
        var s = ScenarioLoader.LoadBuiltIn("incident");
        s = s with { Fleet = s.Fleet with { Processing = ProcessingMode.Concurrent, Concurrency = 3, Buffer = BufferMode.Memory } };

        var r = Forecaster.Run(s, new ForecastOptions { Horizon = TimeSpan.FromDays(2), Recommend = false });

        Assert.InRange(r.Steps, 1, 10_000);
    }

    /// <summary>150/s into 2 partitions, 2 static cooperative instances with a 200/s budget, a rolling deploy at 600 s.</summary>
    private static Scenario StaticPairDeployingAt600(int replay = 0, TimeSpan? every = null) =>
        TestScenarios.Constant(150, partitions: 2, instances: 2) with
        {
            Fleet = TestScenarios.Constant(150).Fleet with
            {
                Instances = 2,
                Assignor = Assignor.CooperativeSticky,
                StaticMembership = true,
                RateLimit = 200,
                RestartReplay = replay,
            },
            Actions = [new RollingDeployAction(TimeSpan.FromSeconds(600), every)],
        };
}
