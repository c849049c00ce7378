namespace LagLab.LoadTest.Results;

/// <summary>
/// One alert (rule × labels): pending from <see cref="ActiveAt"/>, firing from <see cref="FiredAt"/>, resolved at
/// <see cref="ResolvedAt"/> (seconds of the run). <see cref="Source"/> is <c>monitor</c> (its /api/alerts) or
/// <c>harness</c> (the same rule evaluated on the harness's own lag samples, as a cross-check).
/// </summary>
public sealed record AlertRecord(string Name, string Severity, string Subject, double ActiveAt, double? FiredAt, double? ResolvedAt, string Source);
