using System.Globalization;
using LagLab.Contracts;

namespace LagLab.Bank.Http;

/// <summary>Writes a <see cref="BankAnswer"/>: JSON body, and the delay headers in both precisions when there is one.</summary>
internal static class HttpAnswers
{
    public static Task WriteAsync(HttpContext context, BankAnswer answer)
    {
        var response = context.Response;
        response.StatusCode = answer.Status;
        response.ContentType = "application/json";
        response.ContentLength = answer.Body.Length;
        if (answer.RetryAfter is { } delay)
        {
            // RFC 9110 delta-seconds is an integer: round up, so a client that honours it never comes back too early.
            response.Headers[BankApi.RetryAfterHeader] = RetryAfterSeconds(delay).ToString(CultureInfo.InvariantCulture);
            response.Headers[BankApi.RetryAfterMsHeader] = RetryAfterMilliseconds(delay).ToString(CultureInfo.InvariantCulture);
        }
        if (answer.Replayed)
        {
            response.Headers[BankApi.IdempotentReplayedHeader] = "true";
        }
        return response.Body.WriteAsync(answer.Body, context.RequestAborted).AsTask();
    }

    /// <summary>Whole seconds, rounded up, at least 1 (0 would invite an immediate retry into the same refusal).</summary>
    public static long RetryAfterSeconds(TimeSpan delay) =>
        Math.Max(1, (delay.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond);

    /// <summary>Whole milliseconds, rounded up, at least 1.</summary>
    public static long RetryAfterMilliseconds(TimeSpan delay) =>
        Math.Max(1, (delay.Ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond);
}
