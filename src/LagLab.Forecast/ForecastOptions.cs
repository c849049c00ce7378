using LagLab.Scenarios;

namespace LagLab.Forecast;

/// <summary>What to forecast. Defaults live here.</summary>
public sealed record ForecastOptions
{
    public static readonly TimeSpan DefaultHorizon = TimeSpan.FromDays(14);

    /// <summary>How far to look, in scenario time (a compressed scenario's day counts as a day).</summary>
    public TimeSpan Horizon { get; init; } = DefaultHorizon;

    /// <summary>Backlog (lag plus spooled events) to stay under; null: the scenario's slos.max_lag, else its critical threshold.</summary>
    public double? TargetLag { get; init; }

    /// <summary>Search for the smallest change that keeps the backlog under the target.</summary>
    public bool Recommend { get; init; } = true;

    /// <summary>Most points in <see cref="ForecastResult.Points"/> (peaks are kept when thinning).</summary>
    public int MaxPoints { get; init; } = 2000;

    /// <summary>
    /// Measured replays, one per rolling deploy in order: the events each instance restarted by the k-th deploy
    /// re-sends (instead of <see cref="FleetSpec.RestartReplay"/>; deploys past the list use it). The load-test
    /// harness fills this in from the bank's re-sent count to forecast a run from its measured mechanisms.
    /// </summary>
    public IReadOnlyList<double> DeployReplays { get; init; } = [];

    public void Validate()
    {
        if (Horizon <= TimeSpan.Zero || Horizon > TimeSpan.FromDays(3660))
        {
            throw new ArgumentException($"--horizon must be between 1s and 10 years, got {Scenarios.Duration.Format(Horizon)}.");
        }
        if (TargetLag is <= 0)
        {
            throw new ArgumentException($"--target-lag must be above 0, got {TargetLag}.");
        }
        if (DeployReplays.Any(r => r < 0 || !double.IsFinite(r)))
        {
            throw new ArgumentException("DeployReplays must be finite and not negative.");
        }
        if (MaxPoints < 10)
        {
            throw new ArgumentException($"MaxPoints must be at least 10, got {MaxPoints}.");
        }
    }
}
