namespace LagLab.Forecast;

/// <summary>Whether the scenario keeps its backlog under <see cref="Target"/>, and if not, the smallest change per lever.</summary>
public sealed record Recommendation(double Target, bool AlreadyHolds, IReadOnlyList<LeverChange> Changes)
{
    /// <summary>The reachable change with the smallest relative size, if any.</summary>
    public LeverChange? Best => Changes.Where(c => c.To is not null).OrderBy(c => c.Relative).FirstOrDefault();
}
