namespace LagLab.Pipeline.Bank;

/// <summary>One call's outcome, how long it took, and when the bank allows the next try (for 429, 503 and an open breaker).</summary>
internal readonly record struct BankReply(BankOutcome Outcome, TimeSpan Latency, DateTimeOffset? RetryAt = null, string? Reason = null)
{
    /// <summary>The event is applied at the bank (now or before).</summary>
    public bool IsApplied => Outcome is BankOutcome.Applied or BankOutcome.Replayed;

    /// <summary>Try again later; the event is not applied (or, after a timeout, not known to be).</summary>
    public bool IsTransient => Outcome is BankOutcome.Throttled or BankOutcome.Failed or BankOutcome.TimedOut or BankOutcome.BreakerOpen;
}
