using LagLab.Scenarios;

namespace LagLab.LoadTest.Timeline;

/// <summary>
/// The scenario's timeline on the run's wall clock: each action at its compressed time, a rolling deploy with an
/// <c>every</c> repeated until the end of traffic, and the bank's scheduled outages as <c>bank_outage</c> actions.
/// </summary>
internal static class ActionPlan
{
    public static List<PlannedAction> Build(Scenario scenario)
    {
        var scale = scenario.TimeScale;
        var end = scale.ToWall(scenario.Producer.Duration).TotalSeconds;
        var plan = new List<PlannedAction>();
        foreach (var action in scenario.Actions)
        {
            if (action is RollingDeployAction { Every: { } every } deploy)
            {
                for (var at = deploy.At; scale.ToWall(at).TotalSeconds < end; at += every)
                {
                    plan.Add(new PlannedAction(scale.ToWall(at).TotalSeconds, deploy with { At = at }));
                }
                continue;
            }
            var wall = scale.ToWall(action.At).TotalSeconds;
            if (wall < end)
            {
                plan.Add(new PlannedAction(wall, action));
            }
        }
        foreach (var outage in scenario.Bank.Outages)
        {
            var wall = scale.ToWall(outage.At).TotalSeconds;
            if (wall < end)
            {
                plan.Add(new PlannedAction(wall, new BankOutageAction(outage.At, outage.Length)));
            }
        }
        return [.. plan.OrderBy(p => p.WallAt)];
    }

    /// <summary>Why the plan cannot run against this cluster/fleet, or null.</summary>
    public static string? Unsupported(Scenario scenario)
    {
        foreach (var action in scenario.Actions)
        {
            if (action is PauseBrokerAction or RestartBrokerAction && scenario.Cluster.Kind != ClusterKind.Embedded)
            {
                return $"action {action.Type} needs cluster: embedded (the harness cannot stop a broker it did not start)";
            }
            if (action is RollingDeployAction or KillAction or ScaleAction && scenario.Fleet.Kind != FleetKind.Local)
            {
                return $"action {action.Type} needs fleet: local (the harness cannot restart a pipeline deployed elsewhere)";
            }
            if (action is KillAction kill && kill.Instance >= MaxInstances(scenario))
            {
                return $"action kill names instance {kill.Instance}, but at most {MaxInstances(scenario)} instances run (0-based)";
            }
        }
        return null;
    }

    private static int MaxInstances(Scenario scenario) =>
        Math.Max(scenario.Fleet.Instances, scenario.Actions.OfType<ScaleAction>().Select(s => s.Instances).DefaultIfEmpty(0).Max());
}
