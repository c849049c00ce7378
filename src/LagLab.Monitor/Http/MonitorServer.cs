using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using LagLab.Monitor.Alerting;
using LagLab.Monitor.Exposition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LagLab.Monitor.Http;

/// <summary>
/// The monitor's HTTP side (Kestrel, minimal API): /metrics, the JSON API, health probes and the
/// embedded dashboard. It only reads <see cref="MonitorState"/>; nothing here reaches Kafka, and no
/// endpoint shows configuration, so no secret can leak through it.
/// </summary>
internal sealed class MonitorServer : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private readonly WebApplication _app;

    private MonitorServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<MonitorServer> StartAsync(IPEndPoint endpoint, MonitorState state, AlertEngine? engine, MonitorOptions options, ILoggerFactory loggerFactory, TimeProvider time, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(k => k.Listen(endpoint));
        var app = builder.Build();
        Map(app, state, engine, options, time);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MonitorServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    private static void Map(WebApplication app, MonitorState state, AlertEngine? engine, MonitorOptions options, TimeProvider time)
    {
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = PrometheusTextWriter.ContentType;
            await PrometheusTextWriter.WriteAsync(state.Metrics, context.Response.Body, context.RequestAborted);
        });
        app.MapGet("/api/groups", () => Results.Json(ApiModels.Groups(state), Json));
        app.MapGet("/api/groups/{group}", (string group) =>
            ApiModels.Group(state, group) is { } found ? Results.Json(found, Json) : Results.Json(new { error = $"group '{group}' is not known" }, Json, statusCode: 404));
        app.MapGet("/api/alerts", () => Results.Json(new { alerts = engine?.Alerts() ?? [], rules = engine?.Rules.Rules.Count ?? 0 }, Json));
        app.MapGet("/api/history", () => Results.Json(ApiModels.History(state), Json));
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", () =>
        {
            var health = state.Health;
            var fresh = health.Up && health.LastSuccess is { } last && time.GetUtcNow() - last <= (options.Interval * 3) + options.EffectiveCycleTimeout;
            return fresh
                ? Results.Text("ready\n")
                : Results.Text($"not ready: {health.LastError ?? "the latest data is stale"}\n", statusCode: 503);
        });
        app.MapGet("/", () => Resource("index.html", "text/html; charset=utf-8"));
        app.MapGet("/app.js", () => Resource("app.js", "text/javascript; charset=utf-8"));
        app.MapGet("/app.css", () => Resource("app.css", "text/css; charset=utf-8"));
    }

    private static IResult Resource(string name, string contentType)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LagLab.Monitor.Dashboard." + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, contentType);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
