namespace LagLab.Scenarios;

/// <summary>A window in which the bank answers 503: <see cref="At"/> is scenario time, <see cref="Length"/> wall time.</summary>
public sealed record Outage(TimeSpan At, TimeSpan Length);
