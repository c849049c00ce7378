namespace LagLab.Scenarios;

/// <summary>Start or stop instances so that <see cref="Instances"/> run.</summary>
public sealed record ScaleAction(TimeSpan At, int Instances) : ScenarioAction(At)
{
    public override string Type => "scale";
}
