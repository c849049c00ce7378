using System.Net;
using System.Text.RegularExpressions;
using LagLab.Monitor.Analysis;

namespace LagLab.Monitor;

/// <summary>Everything <c>laglab monitor</c> can be told. Defaults live here; <see cref="Validate"/> names the bad option.</summary>
public sealed class MonitorOptions
{
    public const string DefaultListen = "127.0.0.1:9308";

    /// <summary>Kafka bootstrap servers (required).</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>host:port of the HTTP server (/metrics, API, dashboard); port 0 picks a free one.</summary>
    public string Listen { get; set; } = DefaultListen;

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A cycle running longer is abandoned and counted; default: the interval, at least 10 s.</summary>
    public TimeSpan? CycleTimeout { get; set; }

    public string? Groups { get; set; }

    public string? ExcludeGroups { get; set; }

    public string? Topics { get; set; }

    /// <summary>Prometheus rule file for the built-in alert engine; null: the shipped deploy/prometheus/laglab-alerts.yml.</summary>
    public string? RulesFile { get; set; }

    /// <summary>Alertmanager-compatible receiver (base URL or the /api/v2/alerts URL).</summary>
    public Uri? Webhook { get; set; }

    /// <summary>librdkafka settings passed through to every client (-X key=value); secrets are never logged or served.</summary>
    public IDictionary<string, string> KafkaSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Read end offsets as the last stable offset (read_committed) instead of the high watermark.</summary>
    public bool ReadCommitted { get; set; }

    /// <summary>Most Kafka requests in flight at once during a cycle.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>The sliding window of the status rules; default: 10 intervals.</summary>
    public TimeSpan? StatusWindow { get; set; }

    /// <summary>Lag at or below this is always ok.</summary>
    public long AllowedLag { get; set; }

    public TimeLagMode TimeLagMode { get; set; } = TimeLagMode.Auto;

    /// <summary>Most record reads per cycle for exact time lag.</summary>
    public int ExactReadsPerCycle { get; set; } = 100;

    /// <summary>History kept for the dashboard's charts.</summary>
    public TimeSpan History { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Replaces every non-zero <c>for</c> of the rule file (tests, demos).</summary>
    public TimeSpan? AlertForOverride { get; set; }

    public TimeSpan AlertResendInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan EffectiveCycleTimeout => CycleTimeout ?? (Interval > TimeSpan.FromSeconds(10) ? Interval : TimeSpan.FromSeconds(10));

    public TimeSpan EffectiveStatusWindow => StatusWindow ?? Interval * 10;

    /// <summary>Fails fast with a message that names the option.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            throw new ArgumentException("--bootstrap-servers is required.");
        }
        ParseListen(Listen);
        if (Interval < TimeSpan.FromMilliseconds(100) || Interval > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"--interval must be between 100ms and 1h, got {Interval}.");
        }
        if (CycleTimeout is { } timeout && (timeout < TimeSpan.FromMilliseconds(100) || timeout > TimeSpan.FromHours(1)))
        {
            throw new ArgumentException($"cycle-timeout (config) must be between 100ms and 1h, got {timeout}.");
        }
        CheckRegex("--groups", Groups);
        CheckRegex("--exclude-groups", ExcludeGroups);
        CheckRegex("--topics", Topics);
        if (RulesFile is not null && !File.Exists(RulesFile))
        {
            throw new ArgumentException($"--rules: file '{RulesFile}' does not exist.");
        }
        if (Webhook is { } webhook && (!webhook.IsAbsoluteUri || webhook.Scheme is not ("http" or "https")))
        {
            throw new ArgumentException($"--webhook must be an absolute http(s) URL, got '{webhook}'.");
        }
        if (MaxConcurrency is < 1 or > 256)
        {
            throw new ArgumentException($"max-concurrency (config) must be between 1 and 256, got {MaxConcurrency}.");
        }
        if (EffectiveStatusWindow < Interval * 2)
        {
            throw new ArgumentException($"status-window (config) must span at least two intervals ({Interval * 2}), got {EffectiveStatusWindow}.");
        }
        if (AllowedLag < 0)
        {
            throw new ArgumentException($"allowed-lag (config) must be 0 or more, got {AllowedLag}.");
        }
        if (ExactReadsPerCycle is < 0 or > 100_000)
        {
            throw new ArgumentException($"exact-reads-per-cycle (config) must be between 0 and 100000, got {ExactReadsPerCycle}.");
        }
        if (History < Interval || History > TimeSpan.FromDays(1))
        {
            throw new ArgumentException($"history (config) must be between one interval and 1d, got {History}.");
        }
        if (AlertForOverride is { } forOverride && forOverride < TimeSpan.Zero)
        {
            throw new ArgumentException($"--alert-for must not be negative, got {forOverride}.");
        }
        if (AlertResendInterval < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"alert-resend-interval (config) must be at least 1s, got {AlertResendInterval}.");
        }
        foreach (var key in KafkaSettings.Keys)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"-X: '{key}' is not a librdkafka setting name.");
            }
        }
    }

    /// <summary>Parses "host:port" (IPv6 in brackets) or throws naming --listen.</summary>
    public static IPEndPoint ParseListen(string listen)
    {
        var colon = listen.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(listen[(colon + 1)..], out var port) || port is < 0 or > 65535)
        {
            throw new ArgumentException($"--listen must be host:port (e.g. {DefaultListen}), got '{listen}'.");
        }
        var host = listen[..colon].Trim('[', ']');
        if (host is "localhost")
        {
            return new IPEndPoint(IPAddress.Loopback, port);
        }
        if (!IPAddress.TryParse(host, out var address))
        {
            throw new ArgumentException($"--listen host must be an IP address or localhost, got '{host}'.");
        }
        return new IPEndPoint(address, port);
    }

    private static void CheckRegex(string option, string? pattern)
    {
        if (pattern is null)
        {
            return;
        }
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{option}: '{pattern}' is not a valid regular expression: {ex.Message}");
        }
    }
}
