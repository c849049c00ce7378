namespace LagLab.Scenarios;

/// <summary>
/// Compression of scenario time: a scenario instant t runs at wall time t / <see cref="Factor"/>.
/// Rates are never scaled, so a compressed run is a faithful picture of its own mechanisms, not of production.
/// </summary>
public sealed record TimeScale(double Factor)
{
    public static TimeScale RealTime { get; } = new(1);

    public TimeSpan ToWall(TimeSpan scenarioTime) => TimeSpan.FromSeconds(scenarioTime.TotalSeconds / Factor);

    public TimeSpan ToScenario(TimeSpan wallTime) => TimeSpan.FromSeconds(wallTime.TotalSeconds * Factor);
}
