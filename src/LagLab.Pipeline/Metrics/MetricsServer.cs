using System.Net;
using LagLab.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LagLab.Pipeline.Metrics;

/// <summary>A minimal Kestrel endpoint serving <c>GET /metrics</c> (Prometheus text) and <c>GET /healthz</c>.</summary>
internal sealed class MetricsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsServer(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = string.Empty;

    public static async Task<MetricsServer> StartAsync(IPEndPoint endpoint, PrometheusTextExporter exporter, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrel(k => k.Listen(endpoint));
        var app = builder.Build();
        app.MapGet("/metrics", () => Results.Text(exporter.Render(), PrometheusTextExporter.ContentType));
        app.MapGet("/healthz", () => Results.Text("ok"));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var server = new MetricsServer(app);
        server.Endpoint = app.Urls.FirstOrDefault()?.Replace("http://", string.Empty, StringComparison.Ordinal) ?? endpoint.ToString();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
