namespace LagLab.Contracts;

/// <summary>Body of <c>GET /v1/ledger/events?after=N&amp;limit=M</c>: applied events in ledger order.</summary>
public sealed record LedgerEventsPage
{
    /// <summary>Applied events with <see cref="ReconcileResponse.LedgerIndex"/> greater than the <c>after</c> asked for.</summary>
    public required IReadOnlyList<ReconcileResponse> Events { get; init; }

    /// <summary>The <c>after</c> to ask for next (the last index returned, or the one asked for when empty).</summary>
    public required long Next { get; init; }
}
