namespace LagLab.Scenarios;

/// <summary>Restart every instance, one after the other; first at <c>At</c>, then every <see cref="Every"/> (scenario time).</summary>
public sealed record RollingDeployAction(TimeSpan At, TimeSpan? Every) : ScenarioAction(At)
{
    public override string Type => "rolling_deploy";
}
