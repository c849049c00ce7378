using LagLab.Scenarios.Profiles;

namespace LagLab.Scenarios;

/// <summary>
/// A whole load-test scenario. Every instant and period in it (action times, profile periods, the producer's
/// duration, the alert <c>for</c>) is scenario time, compressed by <see cref="TimeScale"/> when run; rates and
/// mechanism durations (latency, restart, rebalance, outage lengths) are wall time and never scaled.
/// </summary>
public sealed record Scenario
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>The file it was loaded from (or <c>builtin:NAME</c>).</summary>
    public string Source { get; init; } = "";

    public ClusterSpec Cluster { get; init; } = new();

    public TopicSpec Topic { get; init; } = new();

    public required ProducerSpec Producer { get; init; }

    public FleetSpec Fleet { get; init; } = new();

    public BankSpec Bank { get; init; } = new();

    public IReadOnlyList<ScenarioAction> Actions { get; init; } = [];

    public TimeScale TimeScale { get; init; } = TimeScale.RealTime;

    public AlertSpec Alerts { get; init; } = new();

    public SloSpec Slos { get; init; } = new();

    /// <summary>What loaded but should change (deprecated fields), with line and column; commands print them.</summary>
    public IReadOnlyList<ScenarioError> Warnings { get; init; } = [];

    /// <summary>The producer's rate as a function of wall time of the run (periods compressed, rates not).</summary>
    public RateProfile WallClockRate => TimeScale.Factor == 1 ? Producer.Rate : new ScaledRateProfile(Producer.Rate, TimeScale.Factor);
}
