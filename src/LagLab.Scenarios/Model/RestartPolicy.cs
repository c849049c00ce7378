namespace LagLab.Scenarios;

/// <summary>
/// <c>fleet.restart_policy</c>: what the harness does, as an orchestrator would, when a pipeline instance exits
/// without the timeline asking for it. Either way the exit fails the run's <c>unexpected exits</c> check.
/// </summary>
public enum RestartPolicy
{
    /// <summary>The instance stays down; its partitions move to the others once the group expels it.</summary>
    Never,

    /// <summary>The instance is started again after an exponential back-off, as Kubernetes restarts a crashed container.</summary>
    OnFailure,
}
