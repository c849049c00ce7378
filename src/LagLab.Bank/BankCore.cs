using LagLab.Bank.Faults;
using LagLab.Bank.Latency;
using LagLab.Bank.Ledger;
using LagLab.Bank.Metrics;
using LagLab.Bank.RateLimiting;
using Microsoft.Extensions.Logging;

namespace LagLab.Bank;

/// <summary>The bank's state shared by every endpoint: the limiter, the latency model, faults, the ledger, counters and metrics.</summary>
internal sealed class BankCore : IDisposable
{
    public BankCore(BankOptions options, TimeProvider time, ILogger logger)
    {
        Options = options;
        Time = time;
        Logger = logger;
        Bucket = options.RateLimit > 0 ? new TokenBucket(options.RateLimit, options.EffectiveBurst, time) : null;
        Latency = CreateLatency(options);
        Random = new BankRandom(options.Seed ?? System.Random.Shared.Next());
        Outages = new OutageSchedule(options.Outages, time);
        Metrics = new BankMetrics(Ledger, Counters, Bucket, Outages);
    }

    public BankOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public TokenBucket? Bucket { get; }

    public ILatencyModel Latency { get; }

    public BankRandom Random { get; }

    public OutageSchedule Outages { get; }

    public BankLedger Ledger { get; } = new();

    public RequestCounters Counters { get; } = new();

    public BankMetrics Metrics { get; }

    /// <summary>The lognormal, or the histogram file with its errors turned into an option error naming the file and line.</summary>
    internal static ILatencyModel CreateLatency(BankOptions options)
    {
        if (options.LatencyHistogramPath is not { } path)
        {
            return new LogNormalLatency(options.LatencyP50, options.LatencyP99);
        }
        try
        {
            return new HistogramLatency(LatencyHistogramFile.Load(path), path);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"--latency-histogram {ex.Message}", ex);
        }
    }

    public void Dispose() => Metrics.Dispose();
}
