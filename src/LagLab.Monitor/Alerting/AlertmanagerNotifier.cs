using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace LagLab.Monitor.Alerting;

/// <summary>
/// Sends alerts to an Alertmanager-compatible receiver the way Prometheus does: firing alerts when they
/// fire and again every <c>resendInterval</c>, with <c>endsAt</c> four resend intervals ahead (so the
/// receiver resolves them by itself if the monitor dies); resolved alerts once, with <c>endsAt</c> set
/// to when they resolved. A failed send is retried at the next evaluation.
/// </summary>
internal sealed class AlertmanagerNotifier(HttpClient http, Uri endpoint, TimeProvider time, TimeSpan resendInterval, string generatorUrl, ILogger logger)
{
    /// <summary>The v2 alerts endpoint for a receiver given by its base URL or the full path.</summary>
    public static Uri AlertsEndpoint(Uri receiver) =>
        receiver.AbsolutePath.EndsWith("/api/v2/alerts", StringComparison.Ordinal)
            ? receiver
            : new Uri(receiver, receiver.AbsolutePath.TrimEnd('/') + "/api/v2/alerts");

    public long Sent { get; private set; }

    public long Failures { get; private set; }

    public async Task NotifyAsync(AlertEngine engine, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (batch, payload) = engine.WithAlerts(alerts =>
        {
            var due = alerts.Where(a => a.State switch
            {
                AlertState.Firing => a.LastSentAt is null || now - a.LastSentAt >= resendInterval,
                AlertState.Resolved => !a.ResolvedSent && a.LastSentAt is not null,
                _ => false,
            }).ToList();
            var body = due.Select(a => new AlertmanagerAlert(
                a.Labels.Pairs.ToDictionary(p => p.Key, p => p.Value),
                a.Annotations,
                a.FiredAt!.Value,
                a.ResolvedAt ?? now + (4 * resendInterval),
                generatorUrl)).ToList();
            return (due, body);
        });
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            using var response = await http.PostAsJsonAsync(endpoint, payload, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Failures++;
            MonitorLog.NotifyFailed(logger, endpoint.GetLeftPart(UriPartial.Path), batch.Count, ex.Message);
            return;
        }
        Sent += batch.Count;
        engine.WithAlerts(_ =>
        {
            foreach (var alert in batch)
            {
                alert.LastSentAt = now;
                alert.ResolvedSent |= alert.State == AlertState.Resolved;
            }
            return 0;
        });
        MonitorLog.Notified(logger, batch.Count(a => a.State == AlertState.Firing), batch.Count(a => a.State == AlertState.Resolved));
    }
}
