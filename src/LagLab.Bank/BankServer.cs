using System.Globalization;
using System.Net;
using LagLab.Bank.Http;
using LagLab.Bank.Logging;
using LagLab.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LagLab.Bank;

/// <summary>
/// The bank simulator as an in-process server: Kestrel with a minimal API on the configured address. Start it, point
/// clients at <see cref="BaseAddress"/>, read the ledger with <see cref="GetStats"/>, dispose to stop.
/// </summary>
public sealed class BankServer : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);
    private readonly WebApplication _app;
    private readonly BankCore _core;
    private readonly CancellationTokenSource _stopping;
    private int _stopped;

    private BankServer(WebApplication app, BankCore core, CancellationTokenSource stopping)
    {
        _app = app;
        _core = core;
        _stopping = stopping;
        BaseAddress = null!;
    }

    /// <summary>Where the bank listens, e.g. <c>http://127.0.0.1:8080/</c> (the real port when 0 was asked for).</summary>
    public Uri BaseAddress { get; private set; }

    /// <summary>Validates <paramref name="options"/> (an <see cref="ArgumentException"/> names the bad option) and starts listening.</summary>
    public static async Task<BankServer> StartAsync(BankOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var endPoint = options.ParseListen();
        loggerFactory ??= NullLoggerFactory.Instance;
        var time = timeProvider ?? TimeProvider.System;
        var core = new BankCore(options, time, loggerFactory.CreateLogger("LagLab.Bank"));
        var stopping = new CancellationTokenSource();
        WebApplication? app = null;
        try
        {
            app = Build(endPoint, loggerFactory);
            Map(app, core, stopping.Token);
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var server = new BankServer(app, core, stopping) { BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/") };
            LogStart(server, core, options);
            return server;
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            core.Dispose();
            stopping.Dispose();
            throw;
        }
    }

    /// <summary>The ledger's counters now, as <c>GET /v1/ledger/stats</c> returns them.</summary>
    public LedgerStats GetStats(bool includeAccounts = false) => _core.Ledger.Snapshot(includeAccounts, _core.Counters);

    /// <summary>Stops listening; held (injected-timeout) requests are released at once, the rest get up to 5 s to finish.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }
        await _stopping.CancelAsync();
        await _app.StopAsync(cancellationToken);
        BankLog.Stopped(_core.Logger, _core.Ledger.Applied, _core.Ledger.Duplicates, _core.Ledger.OrderViolations);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        _core.Dispose();
        _stopping.Dispose();
    }

    private static WebApplication Build(IPEndPoint endPoint, ILoggerFactory loggerFactory)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(endPoint);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        return builder.Build();
    }

    private static void Map(WebApplication app, BankCore core, CancellationToken stopping)
    {
        var reconcile = new ReconcileEndpoint(core, stopping);
        var ledger = new LedgerEndpoints(core);
        app.MapPost(BankApi.ReconcilePath, reconcile.HandleAsync);
        app.MapGet(BankApi.LedgerStatsPath, ledger.StatsAsync);
        app.MapGet(BankApi.LedgerEventsPath, ledger.EventsAsync);
        app.MapGet(BankApi.MetricsPath, ledger.MetricsAsync);
        app.MapGet(BankApi.HealthPath, LedgerEndpoints.HealthAsync);
        app.MapPost(BankApi.AdminOutagePath, ledger.StartOutageAsync);
        app.MapDelete(BankApi.AdminOutagePath, ledger.EndOutageAsync);
    }

    private static void LogStart(BankServer server, BankCore core, BankOptions options)
    {
        var rate = core.Bucket is { } bucket
            ? string.Create(CultureInfo.InvariantCulture, $"{bucket.RatePerSecond}/s burst {bucket.Burst}")
            : "off";
        BankLog.Listening(core.Logger, server.BaseAddress, rate, core.Latency.Describe(), options.ErrorRate, options.TimeoutRate,
            string.Join(' ', core.Outages.Windows), options.MaxConcurrency == 0 ? "unbounded" : options.MaxConcurrency.ToString(CultureInfo.InvariantCulture));
    }
}
