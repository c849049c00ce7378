using System.Buffers;
using LagLab.Contracts;

namespace LagLab.Bank.Http;

/// <summary>Reads and checks the body and Idempotency-Key of a reconcile request, bounded by the body limit.</summary>
internal static class ReconcileRequestReader
{
    public static async Task<ReconcileRequest> ReadAsync(HttpContext context, int maxBodyBytes)
    {
        var request = context.Request;
        if (request.ContentLength > maxBodyBytes)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"body of {request.ContentLength} bytes is larger than the limit of {maxBodyBytes}.");
        }
        var keys = request.Headers[BankApi.IdempotencyKeyHeader];
        if (keys.Count == 0 || string.IsNullOrWhiteSpace(keys[0]))
        {
            return Refuse(StatusCodes.Status400BadRequest, $"missing {BankApi.IdempotencyKeyHeader} header (the event id).");
        }
        if (keys.Count > 1)
        {
            return Refuse(StatusCodes.Status400BadRequest, $"{BankApi.IdempotencyKeyHeader} header given {keys.Count} times; give it once.");
        }
        var key = keys[0]!;

        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(context.RequestAborted);
            var buffer = result.Buffer;
            if (buffer.Length > maxBodyBytes)
            {
                reader.AdvanceTo(buffer.End);
                return Refuse(StatusCodes.Status413PayloadTooLarge, $"body is larger than the limit of {maxBodyBytes} bytes.");
            }
            if (!result.IsCompleted)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }
            var parsed = ParseBody(buffer, key);
            reader.AdvanceTo(buffer.End);
            return parsed;
        }
    }

    private static ReconcileRequest ParseBody(ReadOnlySequence<byte> body, string key)
    {
        var ok = body.IsSingleSegment
            ? ReconciliationEventJson.TryParse(body.FirstSpan, out var value, out var error)
            : ReconciliationEventJson.TryParse(body.ToArray(), out value, out error);
        if (!ok)
        {
            return Refuse(StatusCodes.Status400BadRequest, error!);
        }
        if (!string.Equals(key, value!.EventId, StringComparison.Ordinal))
        {
            return Refuse(StatusCodes.Status400BadRequest, $"{BankApi.IdempotencyKeyHeader} '{key}' does not match eventId '{value.EventId}'.");
        }
        return new ReconcileRequest(value, key, null);
    }

    private static ReconcileRequest Refuse(int status, string reason) =>
        new(null, null, BankAnswer.Error(status, "bad_request", reason));
}
