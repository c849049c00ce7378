namespace LagLab.Contracts;

/// <summary>Body of a 200 from <c>POST /v1/reconcile</c>; a duplicate gets the original one again.</summary>
public sealed record ReconcileResponse
{
    /// <summary>The applied event's id (= idempotency key).</summary>
    public required string EventId { get; init; }

    /// <summary>The event's account.</summary>
    public required string Account { get; init; }

    /// <summary>The event's per-account sequence.</summary>
    public required long Sequence { get; init; }

    /// <summary>Position in the bank's ledger, 1-based, in the order events were applied.</summary>
    public required long LedgerIndex { get; init; }

    /// <summary>When the bank applied the event.</summary>
    public required DateTimeOffset AppliedAt { get; init; }
}
