namespace LagLab.Contracts;

/// <summary>Body of <c>GET /v1/ledger/stats</c>: what the bank applied, refused and saw out of order.</summary>
public sealed record LedgerStats
{
    /// <summary>Distinct idempotency keys applied (each exactly once).</summary>
    public required long Applied { get; init; }

    /// <summary>Requests whose key was already applied; answered 200 with the original result, not re-applied.</summary>
    public required long Duplicates { get; init; }

    /// <summary>
    /// Requests that reused an applied Idempotency-Key with a different account, sequence, amount or currency: answered
    /// 409 naming the fields, not applied, not counted as duplicates.
    /// </summary>
    public long Conflicts { get; init; }

    /// <summary>Requests answered 429 by the rate limit; not applied.</summary>
    public required long Rejected { get; init; }

    /// <summary>Requests answered with an injected 5xx error; not applied.</summary>
    public required long Errors { get; init; }

    /// <summary>Requests held past the client's timeout (injected); not applied.</summary>
    public required long Timeouts { get; init; }

    /// <summary>Requests answered 503 during a scheduled outage or over the concurrency bound; not applied.</summary>
    public required long Unavailable { get; init; }

    /// <summary>Requests whose client went away before the bank answered (during the drawn latency); not applied.</summary>
    public long Abandoned { get; init; }

    /// <summary>Requests answered 400 (bad JSON, bad fields, missing or mismatched Idempotency-Key).</summary>
    public required long BadRequests { get; init; }

    /// <summary>
    /// Applied events whose sequence was not greater than the last applied sequence of their account, summed over accounts.
    /// </summary>
    public required long OrderViolations { get; init; }

    /// <summary>Applied events whose sequence skipped ahead (greater than last + 1); informational, not a violation.</summary>
    public required long SequenceGaps { get; init; }

    /// <summary>Accounts with at least one applied event.</summary>
    public required long Accounts { get; init; }

    /// <summary>Order violations per account, only accounts that have any.</summary>
    public required IReadOnlyDictionary<string, long> OrderViolationsByAccount { get; init; }

    /// <summary>Applied events per account; present only when asked for with <c>?accounts=true</c>.</summary>
    public IReadOnlyDictionary<string, long>? AppliedByAccount { get; init; }
}
