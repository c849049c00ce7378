using System.Globalization;
using System.Net.Http.Headers;
using LagLab.Contracts;

namespace LagLab.Pipeline.Bank;

/// <summary>
/// Reads when the bank allows the next call: the bank's <c>Retry-After-Ms</c> when present (precise), otherwise the
/// standard <c>Retry-After</c> as delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
/// </summary>
internal static class RetryAfter
{
    public static DateTimeOffset? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.TryGetValues(BankApi.RetryAfterMsHeader, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return now + TimeSpan.FromMilliseconds(ms);
        }
        var retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return now + delta;
        }
        if (retryAfter?.Date is { } date)
        {
            return date > now ? date : now;
        }
        return null;
    }
}
