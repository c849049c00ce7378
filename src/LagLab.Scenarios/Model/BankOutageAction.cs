namespace LagLab.Scenarios;

/// <summary>The bank answers 503 for <see cref="Length"/> (wall time).</summary>
public sealed record BankOutageAction(TimeSpan At, TimeSpan Length) : ScenarioAction(At)
{
    public override string Type => "bank_outage";
}
