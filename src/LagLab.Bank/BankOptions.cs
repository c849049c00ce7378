using System.Globalization;
using System.Net;

namespace LagLab.Bank;

/// <summary>Everything the bank simulator can be told at start. Defaults live here and nowhere else.</summary>
public sealed class BankOptions
{
    public const string DefaultListen = "127.0.0.1:8080";
    public const double DefaultRateLimit = 200;
    public const int MaxBurst = 1_000_000;
    public const double MaxRateLimit = 1_000_000;
    public static readonly TimeSpan DefaultLatencyP50 = TimeSpan.FromMilliseconds(20);
    public static readonly TimeSpan DefaultLatencyP99 = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan DefaultTimeoutHold = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxLatency = TimeSpan.FromMinutes(10);

    /// <summary><c>HOST:PORT</c> to bind (HOST an IP literal or <c>localhost</c>); port 0 picks a free one.</summary>
    public string Listen { get; set; } = DefaultListen;

    /// <summary>Sustained requests per second the token bucket admits; 0 turns the limiter off.</summary>
    public double RateLimit { get; set; } = DefaultRateLimit;

    /// <summary>Bucket capacity in requests; null means a tenth of a second's worth (at least 1).</summary>
    public int? Burst { get; set; }

    /// <summary>Median of the lognormal latency.</summary>
    public TimeSpan LatencyP50 { get; set; } = DefaultLatencyP50;

    /// <summary>99th percentile of the lognormal latency.</summary>
    public TimeSpan LatencyP99 { get; set; } = DefaultLatencyP99;

    /// <summary>An empirical latency histogram file (see docs/bank.md); replaces the lognormal when set.</summary>
    public string? LatencyHistogramPath { get; set; }

    /// <summary>Share of admitted requests answered with an injected 500 (not applied).</summary>
    public double ErrorRate { get; set; }

    /// <summary>Share of admitted requests held for <see cref="TimeoutHold"/> and then answered 504 (not applied).</summary>
    public double TimeoutRate { get; set; }

    /// <summary>How long an injected timeout holds the request: past any sane client timeout, but bounded.</summary>
    public TimeSpan TimeoutHold { get; set; } = DefaultTimeoutHold;

    /// <summary>Scheduled outages relative to the bank's start.</summary>
    public IList<OutageWindow> Outages { get; } = [];

    /// <summary>Requests processed at once beyond which the bank answers 503 immediately; 0 is unbounded.</summary>
    public int MaxConcurrency { get; set; }

    /// <summary>Seed of the random draws (latency, faults) for reproducible runs; null draws a fresh seed.</summary>
    public int? Seed { get; set; }

    /// <summary>Largest request body accepted, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The bucket capacity in effect.</summary>
    public int EffectiveBurst => Burst ?? (int)Math.Max(1, Math.Ceiling(RateLimit / 10));

    /// <summary>Fails fast with an <see cref="ArgumentException"/> whose message names the option.</summary>
    public void Validate()
    {
        _ = ParseListen();
        if (!double.IsFinite(RateLimit) || RateLimit < 0 || RateLimit > MaxRateLimit)
        {
            throw new ArgumentException($"--rate-limit must be between 0 (off) and {MaxRateLimit.ToString(CultureInfo.InvariantCulture)} requests/s, got {Show(RateLimit)}.");
        }
        if (RateLimit > 0 && RateLimit < 0.001)
        {
            throw new ArgumentException($"--rate-limit must be 0 (off) or at least 0.001 requests/s, got {Show(RateLimit)}.");
        }
        if (Burst is { } burst)
        {
            if (RateLimit == 0)
            {
                throw new ArgumentException("--burst needs a --rate-limit above 0 (the limiter is off).");
            }
            if (burst is < 1 or > MaxBurst)
            {
                throw new ArgumentException($"--burst must be between 1 and {MaxBurst}, got {burst}.");
            }
        }
        ValidateLatency();
        CheckShare("--error-rate", ErrorRate);
        CheckShare("--timeout-rate", TimeoutRate);
        if (ErrorRate + TimeoutRate > 1)
        {
            throw new ArgumentException($"--error-rate plus --timeout-rate must be at most 1, got {Show(ErrorRate + TimeoutRate)}.");
        }
        if (TimeoutHold <= TimeSpan.Zero || TimeoutHold > MaxLatency)
        {
            throw new ArgumentException($"--timeout-hold must be more than 0 and at most 10m, got {BankDuration.Format(TimeoutHold)}.");
        }
        ValidateOutages();
        if (MaxConcurrency < 0)
        {
            throw new ArgumentException($"--max-concurrency must be 0 (unbounded) or more, got {MaxConcurrency}.");
        }
        if (MaxBodyBytes < 256)
        {
            throw new ArgumentException($"MaxBodyBytes must be at least 256, got {MaxBodyBytes}.");
        }
    }

    /// <summary>The endpoint to bind, or an <see cref="ArgumentException"/> naming <c>--listen</c>.</summary>
    public IPEndPoint ParseListen()
    {
        var text = Listen?.Trim() ?? string.Empty;
        const string Localhost = "localhost:";
        if (text.StartsWith(Localhost, StringComparison.OrdinalIgnoreCase))
        {
            text = "127.0.0.1:" + text[Localhost.Length..];
        }
        if (!IPEndPoint.TryParse(text, out var endPoint) || !text.Contains(':', StringComparison.Ordinal) || text.EndsWith(']'))
        {
            throw new ArgumentException($"--listen must be HOST:PORT with an IP address or localhost (e.g. 127.0.0.1:8080), got '{Listen}'.");
        }
        return endPoint;
    }

    private void ValidateLatency()
    {
        if (LatencyHistogramPath is not null)
        {
            if (string.IsNullOrWhiteSpace(LatencyHistogramPath))
            {
                throw new ArgumentException("--latency-histogram must name a file.");
            }
            return;
        }
        if (LatencyP50 < TimeSpan.Zero || LatencyP50 > MaxLatency)
        {
            throw new ArgumentException($"--latency-p50 must be between 0 and 10m, got {BankDuration.Format(LatencyP50)}.");
        }
        if (LatencyP99 < LatencyP50 || LatencyP99 > MaxLatency)
        {
            throw new ArgumentException($"--latency-p99 must be at least --latency-p50 ({BankDuration.Format(LatencyP50)}) and at most 10m, got {BankDuration.Format(LatencyP99)}.");
        }
        if (LatencyP50 == TimeSpan.Zero && LatencyP99 > TimeSpan.Zero)
        {
            throw new ArgumentException("--latency-p50 must be above 0 when --latency-p99 is (a lognormal needs a positive median).");
        }
    }

    private void ValidateOutages()
    {
        var sorted = Outages.OrderBy(o => o.At).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].At < TimeSpan.Zero || sorted[i].Duration <= TimeSpan.Zero)
            {
                throw new ArgumentException($"--outage {sorted[i]}: AT must be 0 or more and DURATION more than 0.");
            }
            if (i > 0 && sorted[i].At < sorted[i - 1].End)
            {
                throw new ArgumentException($"--outage {sorted[i]} overlaps --outage {sorted[i - 1]}.");
            }
        }
    }

    private static void CheckShare(string option, double value)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1)
        {
            throw new ArgumentException($"{option} must be between 0 and 1, got {Show(value)}.");
        }
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
