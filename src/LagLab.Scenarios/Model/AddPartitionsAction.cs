namespace LagLab.Scenarios;

/// <summary>Grow the topic to <see cref="Partitions"/> partitions (the new total).</summary>
public sealed record AddPartitionsAction(TimeSpan At, int Partitions) : ScenarioAction(At)
{
    public override string Type => "add_partitions";
}
