using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LagLab.Contracts;

namespace LagLab.Pipeline.Bank;

/// <summary>
/// <c>POST /v1/reconcile</c> with the event's JSON and its id as <c>Idempotency-Key</c>, so a retry after a timeout, a
/// crash or a rebalance can never apply an event twice. Classifies the answer; the caller decides what to do with it.
/// </summary>
internal sealed class BankClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public BankClient(HttpClient http, TimeProvider time)
    {
        _http = http;
        _time = time;
    }

    public async Task<BankReply> ReconcileAsync(string eventId, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BankApi.ReconcilePath);
        request.Headers.TryAddWithoutValidation(BankApi.IdempotencyKeyHeader, eventId);
        request.Content = new ReadOnlyMemoryContent(json) { Headers = { ContentType = Json } };
        var started = _time.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            return new BankReply(BankOutcome.Failed, _time.GetElapsedTime(started), Reason: ex.Message);
        }
        using (response)
        {
            var latency = _time.GetElapsedTime(started);
            var status = response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var replayed = response.Headers.TryGetValues(BankApi.IdempotentReplayedHeader, out var values)
                    && string.Equals(values.FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
                return new BankReply(replayed ? BankOutcome.Replayed : BankOutcome.Applied, latency);
            }
            var retryAt = RetryAfter.Read(response.Headers, _time.GetUtcNow());
            if (status == HttpStatusCode.TooManyRequests)
            {
                return new BankReply(BankOutcome.Throttled, latency, retryAt);
            }
            if (status == HttpStatusCode.RequestTimeout)
            {
                return new BankReply(BankOutcome.TimedOut, latency, retryAt);
            }
            var body = await ReadReasonAsync(response, cancellationToken).ConfigureAwait(false);
            if (status == HttpStatusCode.Conflict)
            {
                return new BankReply(BankOutcome.Conflict, latency, Reason: ConflictReason(body));
            }
            var outcome = (int)status >= 500 ? BankOutcome.Failed : BankOutcome.Rejected;
            return new BankReply(outcome, latency, retryAt, $"{(int)status} {body}".TrimEnd());
        }
    }

    /// <summary>"idempotency conflict on amount, currency: ..." from the bank's body, or the raw body when it is not the bank's JSON.</summary>
    private static string ConflictReason(string body)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, ContractsJsonContext.Default.ErrorResponse) is { Fields: { Count: > 0 } fields } error)
            {
                return $"idempotency conflict on {string.Join(", ", fields)}: {error.Reason}";
            }
        }
        catch (JsonException)
        {
        }
        return $"idempotency conflict: 409 {body}".TrimEnd();
    }

    private static async Task<string> ReadReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Length > 500 ? text[..500] : text;
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }
    }
}
