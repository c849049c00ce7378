namespace LagLab.Scenarios;

/// <summary>SIGKILL one instance (0-based); it comes back after <see cref="RestartAfter"/> (wall time) when given.</summary>
public sealed record KillAction(TimeSpan At, int Instance, TimeSpan? RestartAfter) : ScenarioAction(At)
{
    public override string Type => "kill";
}
