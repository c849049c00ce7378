using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Analysis;

/// <summary>The raw material of a run's analysis: what the samplers and the timeline recorded.</summary>
internal sealed record RunMeasurements(
    DateTimeOffset StartedAt,
    double WallSeconds,
    double DrainSeconds,
    IReadOnlyList<LagSample> Samples,
    IReadOnlyList<RateSample> Rates,
    IReadOnlyList<(double AppliedAt, double Delay)> Delays,
    IReadOnlyList<ActionRecord> Actions,
    IReadOnlyList<AlertRecord> MonitorAlerts,
    bool MonitorRan,
    IReadOnlyList<ResourceSample> Resources,
    long Produced,
    long ProduceFailures,
    Contracts.LedgerStats? Ledger,
    long DoublyApplied,
    long Foreign,
    IReadOnlyList<string> Notes,
    IReadOnlyList<UnexpectedExit> UnexpectedExits)
{
    /// <summary>The fleet's process events and the pipelines' ready and ownership lines (none for an external fleet).</summary>
    public IReadOnlyList<Parts.FleetEvent> FleetEvents { get; init; } = [];

    /// <summary>When the bank applied each event, per partition, sorted (run seconds).</summary>
    public IReadOnlyDictionary<int, double[]> Applied { get; init; } = new Dictionary<int, double[]>();
}
