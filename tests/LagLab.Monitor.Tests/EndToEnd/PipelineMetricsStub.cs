using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LagLab.Monitor.Tests.EndToEnd;

/// <summary>
/// Serves the pipeline's metric families (names as the pipeline exports them) with moving counters, so the
/// dashboard's pipeline panels have series to evaluate while the pipeline itself is tested elsewhere.
/// </summary>
internal sealed class PipelineMetricsStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _scrapes;

    private PipelineMetricsStub(WebApplication app) => _app = app;

    public string Target { get; private set; } = "";

    public static async Task<PipelineMetricsStub> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new PipelineMetricsStub(app);
        app.MapGet("/metrics", () => Results.Text(stub.Render(), "text/plain; version=0.0.4; charset=utf-8"));
        await app.StartAsync(cancellationToken);
        stub.Target = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Authority;
        return stub;
    }

    private string Render()
    {
        var n = Interlocked.Increment(ref _scrapes);
        return $"""
            # TYPE laglab_pipeline_events_processed_total counter
            laglab_pipeline_events_processed_total{"{"}outcome="applied"{"}"} {n * 200}
            laglab_pipeline_events_processed_total{"{"}outcome="spooled"{"}"} {n * 10}
            # TYPE laglab_pipeline_spool_depth gauge
            laglab_pipeline_spool_depth {n % 50}
            # TYPE laglab_pipeline_bank_throttled_total counter
            laglab_pipeline_bank_throttled_total {n * 3}
            # TYPE laglab_pipeline_end_to_end_delay_seconds histogram
            laglab_pipeline_end_to_end_delay_seconds_bucket{"{"}le="0.1"{"}"} {n * 100}
            laglab_pipeline_end_to_end_delay_seconds_bucket{"{"}le="1"{"}"} {n * 190}
            laglab_pipeline_end_to_end_delay_seconds_bucket{"{"}le="+Inf"{"}"} {n * 200}
            laglab_pipeline_end_to_end_delay_seconds_sum {n * 30}
            laglab_pipeline_end_to_end_delay_seconds_count {n * 200}

            """;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
