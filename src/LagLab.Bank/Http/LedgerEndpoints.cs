using System.Globalization;
using System.Text.Json;
using LagLab.Bank.Logging;
using LagLab.Bank.Metrics;
using LagLab.Contracts;
using LagLab.Metrics;

namespace LagLab.Bank.Http;

/// <summary>The read side and admin: ledger stats and events, Prometheus metrics, health, and starting or ending an outage.</summary>
internal sealed class LedgerEndpoints(BankCore bank)
{
    public const int DefaultPageLimit = 1000;
    public const int MaxPageLimit = 10_000;

    public Task StatsAsync(HttpContext context)
    {
        if (!TryFlag(context, "accounts", out var accounts, out var error))
        {
            return HttpAnswers.WriteAsync(context, error);
        }
        var stats = bank.Ledger.Snapshot(accounts, bank.Counters);
        return Json(context, JsonSerializer.SerializeToUtf8Bytes(stats, ContractsJsonContext.Default.LedgerStats));
    }

    public Task EventsAsync(HttpContext context)
    {
        if (!TryLong(context, "after", 0, 0, long.MaxValue, out var after, out var error)
            || !TryLong(context, "limit", DefaultPageLimit, 1, MaxPageLimit, out var limit, out error))
        {
            return HttpAnswers.WriteAsync(context, error);
        }
        var page = bank.Ledger.Page(after, (int)limit);
        return Json(context, JsonSerializer.SerializeToUtf8Bytes(page, ContractsJsonContext.Default.LedgerEventsPage));
    }

    public Task MetricsAsync(HttpContext context)
    {
        context.Response.ContentType = PrometheusTextExporter.ContentType;
        return context.Response.WriteAsync(bank.Metrics.Exporter.Render(), context.RequestAborted);
    }

    public static Task HealthAsync(HttpContext context) => context.Response.WriteAsync("ok\n", context.RequestAborted);

    /// <summary>
    /// <c>POST /v1/admin/outage?for=30s</c>: an outage starting now, for load tests that script faults at run time; at most
    /// <see cref="BankApi.MaxAdminOutage"/>, and <c>DELETE</c> ends it.
    /// </summary>
    public Task StartOutageAsync(HttpContext context)
    {
        if (RefuseCrossOrigin(context) is { } refused)
        {
            return refused;
        }
        var text = context.Request.Query["for"].ToString();
        if (!BankDuration.TryParse(text, out var duration, out var reason) || duration <= TimeSpan.Zero)
        {
            return HttpAnswers.WriteAsync(context, BankAnswer.Error(StatusCodes.Status400BadRequest, "bad_request",
                $"query 'for' must be a duration above 0 (e.g. ?for=30s): {reason ?? "got 0"}"));
        }
        if (duration > BankApi.MaxAdminOutage)
        {
            return HttpAnswers.WriteAsync(context, BankAnswer.Error(StatusCodes.Status400BadRequest, "bad_request",
                $"query 'for' must be at most {BankDuration.Format(BankApi.MaxAdminOutage)}, got {text}; end an outage early with DELETE {BankApi.AdminOutagePath}."));
        }
        var window = bank.Outages.StartNow(duration);
        BankLog.OutageStarted(bank.Logger, BankDuration.Format(duration), BankDuration.Format(window.End));
        return Json(context, JsonSerializer.SerializeToUtf8Bytes(
            new ErrorResponse { Error = "outage", Reason = $"outage {window} (relative to the bank's start) scheduled." },
            ContractsJsonContext.Default.ErrorResponse));
    }

    /// <summary><c>DELETE /v1/admin/outage</c>: ends every outage under way now (scheduled later ones stay).</summary>
    public Task EndOutageAsync(HttpContext context)
    {
        if (RefuseCrossOrigin(context) is { } refused)
        {
            return refused;
        }
        var ended = bank.Outages.EndNow();
        BankLog.OutageEnded(bank.Logger, ended);
        return Json(context, JsonSerializer.SerializeToUtf8Bytes(
            new ErrorResponse { Error = "outage", Reason = ended == 0 ? "no outage was on." : $"outage ended ({ended} window(s) cut short)." },
            ContractsJsonContext.Default.ErrorResponse));
    }

    private Task? RefuseCrossOrigin(HttpContext context)
    {
        if (!AdminGuard.IsCrossOrigin(context.Request, out var origin))
        {
            return null;
        }
        BankLog.CrossOriginRefused(bank.Logger, context.Request.Method, context.Request.Path, origin);
        return HttpAnswers.WriteAsync(context, BankAnswer.Error(StatusCodes.Status403Forbidden, "forbidden",
            $"admin endpoints refuse requests from another origin ({origin})."));
    }

    private static Task Json(HttpContext context, byte[] body)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static bool TryLong(HttpContext context, string name, long fallback, long min, long max, out long value, out BankAnswer error)
    {
        var text = context.Request.Query[name].ToString();
        error = null!;
        value = fallback;
        if (text.Length == 0)
        {
            return true;
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }
        error = BankAnswer.Error(StatusCodes.Status400BadRequest, "bad_request", $"query '{name}' must be an integer from {min} to {max}, got '{text}'.");
        return false;
    }

    private static bool TryFlag(HttpContext context, string name, out bool value, out BankAnswer error)
    {
        var text = context.Request.Query[name].ToString();
        error = null!;
        value = false;
        if (text.Length == 0 || bool.TryParse(text, out value))
        {
            return true;
        }
        error = BankAnswer.Error(StatusCodes.Status400BadRequest, "bad_request", $"query '{name}' must be true or false, got '{text}'.");
        return false;
    }
}
