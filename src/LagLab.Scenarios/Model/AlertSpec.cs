namespace LagLab.Scenarios;

/// <summary>
/// <c>alerts:</c> the write-up's rules: per-partition <c>kafka_consumer_lag &gt; 1000</c> for 5m (warning) and
/// <c>&gt; 10000</c> for 5m (critical). <see cref="For"/> is scenario time.
/// </summary>
public sealed record AlertSpec
{
    public long Warning { get; init; } = 1_000;

    public long Critical { get; init; } = 10_000;

    public TimeSpan For { get; init; } = TimeSpan.FromMinutes(5);
}
