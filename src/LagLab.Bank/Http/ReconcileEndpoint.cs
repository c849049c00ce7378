using System.Globalization;
using LagLab.Bank.Logging;

namespace LagLab.Bank.Http;

/// <summary>
/// <c>POST /v1/reconcile</c>. In order: an outage answers 503; the token bucket answers 429; a bad request answers
/// 400 (or 413); over --max-concurrency answers 503 at once (no queue); then the drawn latency, then an injected 500 or
/// timeout, else the ledger applies the event, recognises the key as a duplicate (200, replayed) or, when the key was
/// applied with a different payload, answers 409 naming the differing fields. Only the last step applies.
/// </summary>
internal sealed class ReconcileEndpoint(BankCore bank, CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext context)
    {
        var started = bank.Time.GetTimestamp();
        var (outcome, answer) = await DecideAsync(context);
        bank.Counters.Increment(outcome);
        if (answer is not null && !context.RequestAborted.IsCancellationRequested)
        {
            try
            {
                await HttpAnswers.WriteAsync(context, answer);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
            {
                // The client left while we answered; the outcome (applied or not) is already final in the ledger.
            }
        }
        bank.Metrics.RequestAnswered(outcome, bank.Time.GetElapsedTime(started));
    }

    private async Task<(RequestOutcome, BankAnswer?)> DecideAsync(HttpContext context)
    {
        if (bank.Outages.IsActive(out var remaining))
        {
            return (RequestOutcome.Outage, BankAnswer.Error(StatusCodes.Status503ServiceUnavailable, "outage",
                $"the bank is in an outage for another {Seconds(remaining)}.", remaining));
        }
        if (bank.Bucket is { } bucket && !bucket.TryAcquire(out var retryAfter))
        {
            return (RequestOutcome.RateLimited, BankAnswer.Error(StatusCodes.Status429TooManyRequests, "rate_limited",
                string.Create(CultureInfo.InvariantCulture, $"over the limit of {bucket.RatePerSecond} requests/s (burst {bucket.Burst}); next token in {HttpAnswers.RetryAfterMilliseconds(retryAfter)} ms."),
                retryAfter));
        }
        ReconcileRequest request;
        try
        {
            request = await ReconcileRequestReader.ReadAsync(context, bank.Options.MaxBodyBytes);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or BadHttpRequestException)
        {
            return (RequestOutcome.Abandoned, null);
        }
        if (request.Refusal is { } refusal)
        {
            if (bank.Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
            {
                BankLog.BadRequest(bank.Logger, System.Text.Encoding.UTF8.GetString(refusal.Body));
            }
            return (RequestOutcome.BadRequest, refusal);
        }
        var max = bank.Options.MaxConcurrency;
        try
        {
            if (bank.Metrics.EnterInFlight() > max && max > 0)
            {
                return (RequestOutcome.Overloaded, BankAnswer.Error(StatusCodes.Status503ServiceUnavailable, "overloaded",
                    $"more than --max-concurrency {max} requests in flight.", TimeSpan.FromSeconds(1)));
            }
            return await ProcessAsync(context, request);
        }
        finally
        {
            bank.Metrics.ExitInFlight();
        }
    }

    private async Task<(RequestOutcome, BankAnswer?)> ProcessAsync(HttpContext context, ReconcileRequest request)
    {
        var options = bank.Options;
        var draw = options.ErrorRate + options.TimeoutRate > 0 ? bank.Random.NextDouble() : 1.0;
        if (draw >= options.ErrorRate && draw < options.ErrorRate + options.TimeoutRate)
        {
            // Hang past the client's timeout; the hold is bounded, and shutdown does not wait for it.
            using var hold = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                await Task.Delay(options.TimeoutHold, bank.Time, hold.Token);
            }
            catch (OperationCanceledException)
            {
            }
            return (RequestOutcome.Timeout, BankAnswer.Error(StatusCodes.Status504GatewayTimeout, "timeout",
                $"injected timeout: held for {BankDuration.Format(options.TimeoutHold)} and not applied."));
        }
        var latency = bank.Random.SampleLatency(bank.Latency);
        if (latency > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(latency, bank.Time, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return (RequestOutcome.Abandoned, null);
            }
        }
        if (draw < options.ErrorRate)
        {
            return (RequestOutcome.Error, BankAnswer.Error(StatusCodes.Status500InternalServerError, "injected_error", "injected error; not applied."));
        }
        var evt = request.Event!;
        var result = bank.Ledger.Apply(request.Key!, evt, bank.Time.GetUtcNow());
        if (result.Conflict is { } fields)
        {
            BankLog.IdempotencyConflict(bank.Logger, request.Key!, string.Join(", ", fields));
            return (RequestOutcome.Conflict, BankAnswer.Conflict(request.Key!, result.Response, fields));
        }
        if (result.IsOrderViolation)
        {
            BankLog.OrderViolation(bank.Logger, evt.Account, evt.Sequence, evt.EventId);
        }
        return (result.IsDuplicate ? RequestOutcome.Duplicate : RequestOutcome.Applied, BankAnswer.Ok(result.Response, result.IsDuplicate));
    }

    private static string Seconds(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.###} s");
}
