namespace LagLab.Pipeline.Bank;

/// <summary>How the bank call is guarded: per-call timeout and the circuit breaker's thresholds (Polly v8 semantics).</summary>
internal sealed record BreakerSettings
{
    /// <summary>A call without an answer by then counts as a timeout (a breaker failure).</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Share of failed calls in the sampling window that opens the breaker.</summary>
    public double FailureRatio { get; init; } = 0.5;

    /// <summary>Calls in the window before the ratio is trusted.</summary>
    public int MinimumThroughput { get; init; } = 10;

    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the breaker stays open before one probe call is let through.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(2);
}
