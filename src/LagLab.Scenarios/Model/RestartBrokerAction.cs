namespace LagLab.Scenarios;

/// <summary>Stop and restart the broker; it is down for <see cref="Length"/> (wall time), then every member rejoins.</summary>
public sealed record RestartBrokerAction(TimeSpan At, TimeSpan Length) : ScenarioAction(At)
{
    public override string Type => "restart_broker";
}
