namespace LagLab.Contracts;

/// <summary>Body of every non-2xx answer from the bank: a machine-readable code and a reason for people.</summary>
public sealed record ErrorResponse
{
    /// <summary>Short code: bad_request, rate_limited, injected_error, outage, overloaded, idempotency_conflict, forbidden.</summary>
    public required string Error { get; init; }

    /// <summary>What went wrong, naming the field or condition.</summary>
    public required string Reason { get; init; }

    /// <summary>For <c>idempotency_conflict</c>: the event fields that differ from the applied event's (account, sequence, amount, currency).</summary>
    public IReadOnlyList<string>? Fields { get; init; }
}
