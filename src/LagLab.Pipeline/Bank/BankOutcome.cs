namespace LagLab.Pipeline.Bank;

/// <summary>What one call to the bank came to.</summary>
internal enum BankOutcome
{
    /// <summary>200: applied now.</summary>
    Applied,

    /// <summary>200 with <c>Idempotent-Replayed: true</c>: applied before (by us or another instance); not applied again.</summary>
    Replayed,

    /// <summary>429: over the bank's budget; try again after Retry-After. Not a breaker failure.</summary>
    Throttled,

    /// <summary>503 (outage, overload), another 5xx, or a transport error: a breaker failure.</summary>
    Failed,

    /// <summary>No answer within the call timeout: a breaker failure. The bank may still have applied it.</summary>
    TimedOut,

    /// <summary>The breaker is open: the call was not made.</summary>
    BreakerOpen,

    /// <summary>400 and other 4xx: the bank refuses this event for good; it goes to the dead-letter topic.</summary>
    Rejected,

    /// <summary>
    /// 409: the event id was applied before with a different payload (the same key, another event). Final, never retried:
    /// it goes to the dead-letter topic with the differing fields as the reason.
    /// </summary>
    Conflict,
}
