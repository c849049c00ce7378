using LagLab.LoadTest.Tests.Fixtures;
using LagLab.LoadTest.Timeline;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Tests.Timeline;

public sealed class ActionPlanTests
{
    private static readonly Scenario Minimal = SampleRuns.Scenario("""
        name: p
        producer: { rate: 10, duration: 60s }
        """);

    [Fact]
    public void Build_DeployEveryDay_RepeatsUntilTheEndOnTheCompressedClock()
    {
        var scenario = SampleRuns.Scenario("""
            name: p
            producer: { rate: 10, duration: 3d }
            actions:
              - { type: rolling_deploy, at: 10h, every: 1d }
              - { type: kill, at: 1d, instance: 1, restart_after: 5s }
            bank: { outages: [ { at: 2d, duration: 30s } ] }
            time_scale: { day: 3m }
            """);

        var plan = ActionPlan.Build(scenario);

        Assert.Equal([75, 180, 255, 360, 435], plan.Select(p => p.WallAt));
        Assert.Equal(["rolling_deploy", "kill", "rolling_deploy", "bank_outage", "rolling_deploy"], plan.Select(p => p.Action.Type));
        // Mechanism durations stay wall time.
        Assert.Equal(TimeSpan.FromSeconds(30), ((BankOutageAction)plan[3].Action).Length);
    }

    [Fact]
    public void Build_ActionAfterTheEnd_IsLeftOut()
    {
        var scenario = SampleRuns.Scenario("""
            name: p
            producer: { rate: 10, duration: 60s }
            actions: [ { type: scale, at: 60s, instances: 3 }, { type: scale, at: 59s, instances: 1 } ]
            """);

        var planned = Assert.Single(ActionPlan.Build(scenario));
        Assert.Equal(59, planned.WallAt);
    }

    [Fact]
    public void Unsupported_BrokerActionOnExternalCluster_SaysWhy()
    {
        // The loader refuses this file; the check guards scenarios changed in code (the demo's variants).
        var scenario = Minimal with
        {
            Cluster = new ClusterSpec { Kind = ClusterKind.External, BootstrapServers = "h:9092" },
            Actions = [new PauseBrokerAction(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5))],
        };

        Assert.Contains("pause_broker needs cluster: embedded", ActionPlan.Unsupported(scenario), StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_DeployOfExternalFleet_SaysWhy()
    {
        var scenario = Minimal with
        {
            Fleet = new FleetSpec { Kind = FleetKind.External },
            Actions = [new RollingDeployAction(TimeSpan.FromSeconds(10), null)],
        };

        Assert.Contains("rolling_deploy needs fleet: local", ActionPlan.Unsupported(scenario), StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_KillOfAnInstanceThatNeverRuns_SaysWhy()
    {
        var scenario = Minimal with
        {
            Fleet = new FleetSpec { Instances = 2 },
            Actions = [new KillAction(TimeSpan.FromSeconds(10), 2, null)],
        };

        Assert.Contains("instance 2", ActionPlan.Unsupported(scenario), StringComparison.Ordinal);
        Assert.Null(ActionPlan.Unsupported(scenario with { Actions = [new KillAction(TimeSpan.FromSeconds(10), 1, null)] }));
    }
}
