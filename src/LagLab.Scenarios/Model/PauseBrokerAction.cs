namespace LagLab.Scenarios;

/// <summary>Freeze the broker (SIGSTOP) for <see cref="Length"/> (wall time).</summary>
public sealed record PauseBrokerAction(TimeSpan At, TimeSpan Length) : ScenarioAction(At)
{
    public override string Type => "pause_broker";
}
