namespace LagLab.Contracts;

/// <summary>Paths and header names of the bank simulator's HTTP API, shared by the bank and its clients.</summary>
public static class BankApi
{
    /// <summary>POST an event here to apply it.</summary>
    public const string ReconcilePath = "/v1/reconcile";

    /// <summary>GET: the ledger's counters as <see cref="LedgerStats"/>.</summary>
    public const string LedgerStatsPath = "/v1/ledger/stats";

    /// <summary>GET <c>?after=N&amp;limit=M</c>: applied events in ledger order as <see cref="LedgerEventsPage"/>.</summary>
    public const string LedgerEventsPath = "/v1/ledger/events";

    /// <summary>GET: Prometheus text metrics.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>GET: 200 when the bank is up.</summary>
    public const string HealthPath = "/healthz";

    /// <summary>
    /// POST <c>?for=30s</c> starts an outage now (at most <see cref="MaxAdminOutage"/>); DELETE ends every outage on now.
    /// Refused (403) to a browser request from another origin.
    /// </summary>
    public const string AdminOutagePath = "/v1/admin/outage";

    /// <summary>The longest outage the admin endpoint starts: a typo such as <c>?for=100000h</c> must not disable the bank for years.</summary>
    public static readonly TimeSpan MaxAdminOutage = TimeSpan.FromHours(24);

    /// <summary>The <see cref="ErrorResponse.Error"/> code of a 409: the key was applied with a different payload.</summary>
    public const string IdempotencyConflictError = "idempotency_conflict";

    /// <summary>Request header carrying the idempotency key (the event id).</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Response header <c>true</c> when the key was applied before and this answer repeats the original result.</summary>
    public const string IdempotentReplayedHeader = "Idempotent-Replayed";

    /// <summary>Standard delay header on 429 and 503: whole seconds, rounded up (RFC 9110 §10.2.3).</summary>
    public const string RetryAfterHeader = "Retry-After";

    /// <summary>The same delay in milliseconds, rounded up, for clients that pace precisely.</summary>
    public const string RetryAfterMsHeader = "Retry-After-Ms";
}
