namespace LagLab.Forecast;

/// <summary>
/// The smallest value of one lever that keeps the backlog under the target (<see cref="To"/> null: not reachable
/// with this lever alone within its search range). <see cref="MaxBacklog"/> is the forecast with that value.
/// </summary>
public sealed record LeverChange(Lever Lever, double From, double? To, double? MaxBacklog, string Note)
{
    /// <summary>Relative size of the change, for ranking (+∞ when unreachable).</summary>
    public double Relative => To is { } to ? (to - From) / Math.Max(From, 1) : double.PositiveInfinity;
}
