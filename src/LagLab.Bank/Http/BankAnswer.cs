using System.Text.Json;
using LagLab.Contracts;

namespace LagLab.Bank.Http;

/// <summary>What to send back for one request, decided before anything is written (so a failed write cannot change the outcome).</summary>
internal sealed record BankAnswer(int Status, byte[] Body, TimeSpan? RetryAfter = null, bool Replayed = false)
{
    public static BankAnswer Error(int status, string error, string reason, TimeSpan? retryAfter = null) =>
        new(status, JsonSerializer.SerializeToUtf8Bytes(new ErrorResponse { Error = error, Reason = reason }, ContractsJsonContext.Default.ErrorResponse), retryAfter);

    /// <summary>409: <paramref name="key"/> was applied with another payload; the body names the differing fields.</summary>
    public static BankAnswer Conflict(string key, ReconcileResponse applied, IReadOnlyList<string> fields) =>
        new(StatusCodes.Status409Conflict, JsonSerializer.SerializeToUtf8Bytes(new ErrorResponse
        {
            Error = BankApi.IdempotencyConflictError,
            Reason = $"Idempotency-Key '{key}' was applied (ledger index {applied.LedgerIndex}) with a different {string.Join(", ", fields)}; a reused key must carry the same event. Not applied.",
            Fields = fields,
        }, ContractsJsonContext.Default.ErrorResponse));

    public static BankAnswer Ok(ReconcileResponse response, bool replayed) =>
        new(StatusCodes.Status200OK, JsonSerializer.SerializeToUtf8Bytes(response, ContractsJsonContext.Default.ReconcileResponse), Replayed: replayed);
}
