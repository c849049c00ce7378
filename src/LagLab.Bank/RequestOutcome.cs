namespace LagLab.Bank;

/// <summary>How the bank answered one <c>POST /v1/reconcile</c>; the <c>outcome</c> label of its metrics.</summary>
internal enum RequestOutcome
{
    /// <summary>200: applied now.</summary>
    Applied,

    /// <summary>200 with Idempotent-Replayed: the key was applied before; not re-applied.</summary>
    Duplicate,

    /// <summary>409: the key was applied before with a different payload; not applied, not a duplicate.</summary>
    Conflict,

    /// <summary>429: over the token bucket's rate.</summary>
    RateLimited,

    /// <summary>400/413: bad body, fields or Idempotency-Key.</summary>
    BadRequest,

    /// <summary>500: an injected error.</summary>
    Error,

    /// <summary>504 after an injected hang (clients have timed out long before).</summary>
    Timeout,

    /// <summary>503: a scheduled or admin outage.</summary>
    Outage,

    /// <summary>503: over --max-concurrency.</summary>
    Overloaded,

    /// <summary>The client went away during the drawn latency; nothing applied, nothing answered.</summary>
    Abandoned,
}
