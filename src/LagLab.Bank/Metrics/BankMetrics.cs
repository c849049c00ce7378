using System.Diagnostics.Metrics;
using LagLab.Bank.Faults;
using LagLab.Bank.Ledger;
using LagLab.Bank.RateLimiting;
using LagLab.Metrics;

namespace LagLab.Bank.Metrics;

/// <summary>
/// The bank's instruments (meter "LagLab.Bank", one per server so tests running several banks do not mix): counts are
/// observed from the ledger and <see cref="RequestCounters"/>, so stats and metrics can never disagree.
/// </summary>
internal sealed class BankMetrics : IDisposable
{
    public const string MeterName = "LagLab.Bank";

    /// <summary>Request duration buckets, seconds: 1 ms to 30 s (the default timeout hold).</summary>
    public static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Meter _meter = new(MeterName);
    private readonly Histogram<double> _duration;
    private readonly KeyValuePair<string, object?>[] _outcomeTags;
    private long _inFlight;

    public BankMetrics(BankLedger ledger, RequestCounters counters, TokenBucket? bucket, OutageSchedule outages)
    {
        _outcomeTags = [.. RequestCounters.Outcomes.Select(o => new KeyValuePair<string, object?>("outcome", RequestCounters.Label(o)))];
        _meter.CreateObservableCounter("laglab_bank_requests",
            () => RequestCounters.Outcomes.Select(o => new Measurement<long>(counters[o], _outcomeTags[(int)o])),
            "{request}", "Reconcile requests answered, by outcome");
        _meter.CreateObservableCounter("laglab_bank_applied", () => ledger.Applied, "{event}", "Events applied to the ledger (each key once)");
        _meter.CreateObservableCounter("laglab_bank_duplicates", () => ledger.Duplicates, "{request}", "Requests for an already applied key (not re-applied)");
        _meter.CreateObservableCounter("laglab_bank_order_violations", () => ledger.OrderViolations, "{event}", "Applied events older than their account's newest applied one");
        _meter.CreateObservableGauge("laglab_bank_accounts", () => ledger.AccountCount, "{account}", "Accounts with at least one applied event");
        _meter.CreateObservableGauge("laglab_bank_in_flight", () => Interlocked.Read(ref _inFlight), "{request}", "Admitted requests being processed now");
        _meter.CreateObservableGauge("laglab_bank_outage_active", () => outages.IsActive(out _) ? 1 : 0, null, "1 while an outage is on");
        if (bucket is not null)
        {
            _meter.CreateObservableGauge("laglab_bank_tokens", () => bucket.CurrentTokens, "{token}", "Tokens in the rate limit's bucket now");
            _meter.CreateObservableGauge("laglab_bank_rate_limit", () => bucket.RatePerSecond, "{request}/s", "The token bucket's refill rate");
        }
        _duration = _meter.CreateHistogram<double>("laglab_bank_request_duration_seconds", "s", "Time from request received to answer, by outcome");
        Exporter = new PrometheusTextExporter(_meter, DurationBuckets);
    }

    public PrometheusTextExporter Exporter { get; }

    /// <summary>Enters the admitted section; returns how many are in it now, this one included.</summary>
    public long EnterInFlight() => Interlocked.Increment(ref _inFlight);

    public void ExitInFlight() => Interlocked.Decrement(ref _inFlight);

    public void RequestAnswered(RequestOutcome outcome, TimeSpan duration) =>
        _duration.Record(duration.TotalSeconds, _outcomeTags[(int)outcome]);

    public void Dispose()
    {
        Exporter.Dispose();
        _meter.Dispose();
    }
}
