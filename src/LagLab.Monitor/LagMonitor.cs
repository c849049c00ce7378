using System.Reflection;
using LagLab.Monitor.Alerting;
using LagLab.Monitor.Analysis;
using LagLab.Monitor.Collection;
using LagLab.Monitor.Exposition;
using LagLab.Monitor.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LagLab.Monitor;

/// <summary>
/// The lag monitor, in process: collection loop, analysis, alerting and HTTP server.
/// <code>
/// await using var monitor = await LagMonitor.StartAsync(new MonitorOptions { BootstrapServers = "127.0.0.1:9092", Listen = "127.0.0.1:0" });
/// var metrics = await new HttpClient().GetStringAsync(new Uri(monitor.Url, "metrics"));
/// </code>
/// </summary>
public sealed class LagMonitor : IAsyncDisposable
{
    private readonly MonitorServer _server;
    private readonly MonitorState _state;
    private readonly AlertEngine _engine;
    private readonly IClusterReader _reader;
    private readonly IDisposable? _timestamps;
    private readonly HttpClient? _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _disposed;

    private LagMonitor(MonitorServer server, MonitorState state, AlertEngine engine, IClusterReader reader, IDisposable? timestamps, HttpClient? http, Func<CancellationToken, Task> loop)
    {
        _server = server;
        _state = state;
        _engine = engine;
        _reader = reader;
        _timestamps = timestamps;
        _http = http;
        _loop = loop(_stop.Token);
    }

    /// <summary>Base URL of the HTTP server (dashboard at "/", metrics at "metrics").</summary>
    public Uri Url => _server.Url;

    public MonitorView View => _state.View;

    public MonitorHealth Health => _state.Health;

    public IReadOnlyList<AlertView> Alerts => _engine.Alerts();

    /// <summary>Validates the options, loads the rule file, starts the HTTP server and the collection loop.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    /// <exception cref="RuleFileException">The rule file is invalid (the message names the line and rule).</exception>
    public static Task<LagMonitor> StartAsync(MonitorOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var time = timeProvider ?? TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("LagLab.Monitor");
        var reader = new KafkaClusterReader(options, time);
        KafkaRecordTimestampReader? timestamps;
        try
        {
            timestamps = options.TimeLagMode == TimeLagMode.Estimate ? null : new KafkaRecordTimestampReader(options, logger);
        }
        catch
        {
            reader.Dispose(); // never leave a live librdkafka client to the finalizer
            throw;
        }
        return StartAsync(options, reader, timestamps, loggerFactory, time, cancellationToken);
    }

    internal static async Task<LagMonitor> StartAsync(
        MonitorOptions options,
        IClusterReader reader,
        IRecordTimestampReader? timestamps,
        ILoggerFactory? loggerFactory,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        options.Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("LagLab.Monitor");
        try
        {
            var rules = LoadRules(options.RulesFile);
            var engine = new AlertEngine(rules, options.AlertForOverride);
            var analyzer = new LagAnalyzer(new AnalyzerOptions
            {
                StatusWindow = options.EffectiveStatusWindow,
                AllowedLag = options.AllowedLag,
                TimelineCapacity = Math.Clamp((int)(options.History / options.Interval), 60, 4096),
                TimeLagMode = options.TimeLagMode,
                ExactReadsPerCycle = options.ExactReadsPerCycle,
                BreachThresholds = rules.LagThresholds(),
            }, timestamps);
            var state = new MonitorState(options.History);
            var server = await MonitorServer.StartAsync(MonitorOptions.ParseListen(options.Listen), state, engine, options, loggerFactory, time, cancellationToken);
            HttpClient? http = null;
            AlertmanagerNotifier? notifier = null;
            if (options.Webhook is { } webhook)
            {
                http = new HttpClient { Timeout = options.EffectiveCycleTimeout };
                notifier = new AlertmanagerNotifier(http, AlertmanagerNotifier.AlertsEndpoint(webhook), time, options.AlertResendInterval, new Uri(server.Url, "api/alerts").ToString(), logger);
            }
            var loop = new CollectionLoop(reader, analyzer, state, engine, notifier, options, time, logger);
            MonitorLog.Started(logger, server.Url.ToString(), options.BootstrapServers, options.Interval, KafkaSettings.Describe(options.KafkaSettings));
            return new LagMonitor(server, state, engine, reader, timestamps as IDisposable, http, token => Task.Run(() => loop.RunAsync(token), CancellationToken.None));
        }
        catch
        {
            reader.Dispose();
            (timestamps as IDisposable)?.Dispose();
            throw;
        }
    }

    /// <summary>The rule file at <paramref name="path"/>, or the shipped one embedded in the assembly.</summary>
    internal static RuleFile LoadRules(string? path)
    {
        if (path is not null)
        {
            return RuleFileLoader.Load(path);
        }
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LagLab.Monitor.laglab-alerts.yml")!;
        using var text = new StreamReader(stream);
        return RuleFileLoader.Parse(text.ReadToEnd(), "laglab-alerts.yml (built in)");
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync();
        await _loop;
        await _server.DisposeAsync();
        _reader.Dispose();
        _timestamps?.Dispose();
        _http?.Dispose();
        _stop.Dispose();
    }
}
