using Microsoft.Extensions.Logging;

namespace LagLab.Bank.Logging;

/// <summary>Every log line the bank writes, source-generated, with stable event ids.</summary>
internal static partial class BankLog
{
    [LoggerMessage(1, LogLevel.Information, "Bank listening on {BaseAddress}: rate limit {RateLimit}, latency {Latency}, error rate {ErrorRate}, timeout rate {TimeoutRate}, outages [{Outages}], max concurrency {MaxConcurrency}")]
    public static partial void Listening(ILogger logger, Uri baseAddress, string rateLimit, string latency, double errorRate, double timeoutRate, string outages, string maxConcurrency);

    [LoggerMessage(2, LogLevel.Information, "Bank stopped: {Applied} applied, {Duplicates} duplicates, {OrderViolations} order violations")]
    public static partial void Stopped(ILogger logger, long applied, long duplicates, long orderViolations);

    [LoggerMessage(3, LogLevel.Debug, "Bad request: {Reason}")]
    public static partial void BadRequest(ILogger logger, string reason);

    [LoggerMessage(4, LogLevel.Information, "Outage started by request for {Duration} (until {End} after start)")]
    public static partial void OutageStarted(ILogger logger, string duration, string end);

    [LoggerMessage(5, LogLevel.Warning, "Order violation: account {Account} applied sequence {Sequence} (event {EventId}) after a newer one")]
    public static partial void OrderViolation(ILogger logger, string account, long sequence, string eventId);

    [LoggerMessage(6, LogLevel.Warning, "Idempotency conflict: key {Key} was applied with a different {Fields}; answered 409, not applied")]
    public static partial void IdempotencyConflict(ILogger logger, string key, string fields);

    [LoggerMessage(7, LogLevel.Information, "Outage ended by request ({Ended} window(s) cut short)")]
    public static partial void OutageEnded(ILogger logger, int ended);

    [LoggerMessage(8, LogLevel.Warning, "Refused a cross-origin admin request: {Method} {Path} from {Origin}")]
    public static partial void CrossOriginRefused(ILogger logger, string method, string path, string origin);
}
