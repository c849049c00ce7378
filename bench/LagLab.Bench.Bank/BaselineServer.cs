using System.Net;
using LagLab.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LagLab.Bench.Bank;

/// <summary>
/// The baseline: Kestrel built exactly as the bank builds it, with one endpoint that reads the body and answers a
/// fixed 200 — the cost of HTTP alone, so the bank's figure reads as a share of it.
/// </summary>
internal static class BaselineServer
{
    private static readonly byte[] Answer = """{"eventId":"x","account":"a","sequence":1,"ledgerIndex":1,"appliedAt":"2025-01-01T00:00:00+00:00"}"""u8.ToArray();

    public static async Task<WebApplication> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0);
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.MapPost(BankApi.ReconcilePath, async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = Answer.Length;
            await context.Response.Body.WriteAsync(Answer, context.RequestAborted);
        });
        await app.StartAsync(cancellationToken);
        return app;
    }
}
