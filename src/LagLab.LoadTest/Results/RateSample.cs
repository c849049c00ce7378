namespace LagLab.LoadTest.Results;

/// <summary>Cumulative counters at <see cref="T"/>: what the producer sent and what the bank's ledger counted.</summary>
public sealed record RateSample(
    double T,
    long Produced,
    long Applied,
    long Duplicates,
    long Rejected,
    long Errors,
    long Timeouts,
    long Unavailable,
    long Spool);
