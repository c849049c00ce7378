using System.Diagnostics.Metrics;
using LagLab.Pipeline.Bank;

namespace LagLab.Pipeline.Metrics;

/// <summary>
/// The pipeline's instruments (meter "LagLab.Pipeline", names with the <c>laglab_pipeline_</c> prefix and base units).
/// Gauges read live state through callbacks the host registers, so a scrape always sees the current value.
/// </summary>
internal sealed class PipelineMetrics : IDisposable
{
    public const string MeterName = "LagLab.Pipeline";

    /// <summary>Histogram buckets, seconds: 1 ms to an hour (end-to-end delay can reach the incident's 45 minutes).</summary>
    public static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _processed;
    private readonly Counter<long> _malformed;
    private readonly Counter<long> _bankCalls;
    private readonly Counter<long> _throttled;
    private readonly Histogram<double> _bankLatency;
    private readonly Histogram<double> _endToEnd;
    private readonly Counter<long> _rebalances;
    private readonly Histogram<double> _unowned;
    private readonly Counter<long> _commits;
    private readonly Counter<long> _pauses;
    private readonly Counter<long> _redelivered;

    public PipelineMetrics()
    {
        _processed = _meter.CreateCounter<long>("laglab_pipeline_events_processed", "{event}", "Events whose outcome became final, by outcome (applied, replayed, spooled, dead_lettered)");
        _malformed = _meter.CreateCounter<long>("laglab_pipeline_events_malformed", "{event}", "Records that were not valid reconciliation events (sent to the dead-letter topic)");
        _bankCalls = _meter.CreateCounter<long>("laglab_pipeline_bank_requests", "{request}", "Calls to the bank, by outcome");
        _throttled = _meter.CreateCounter<long>("laglab_pipeline_bank_throttled", "{request}", "Calls the bank answered 429");
        _bankLatency = _meter.CreateHistogram<double>("laglab_pipeline_bank_latency_seconds", "s", "Time of one bank call");
        _endToEnd = _meter.CreateHistogram<double>("laglab_pipeline_end_to_end_delay_seconds", "s", "From the event's produced-at to applied at the bank");
        _rebalances = _meter.CreateCounter<long>("laglab_pipeline_rebalances", "{rebalance}", "Rebalance callbacks, by kind (assigned, revoked, lost)");
        _unowned = _meter.CreateHistogram<double>("laglab_pipeline_partition_unowned_seconds", "s", "Time a partition was without an active consumer, seen by the instance that took it back");
        _commits = _meter.CreateCounter<long>("laglab_pipeline_commits", "{commit}", "Offset commits, by result");
        _pauses = _meter.CreateCounter<long>("laglab_pipeline_backpressure_pauses", "{pause}", "Times the buffer bound paused every assigned partition");
        _redelivered = _meter.CreateCounter<long>("laglab_pipeline_records_redelivered", "{record}", "Records the client delivered again at or before an offset already taken, by what was done (skipped_final, skipped_in_flight, retaken)");
    }

    public Meter Meter => _meter;

    /// <summary>Registers the live gauges; the host calls this once it has the state they read.</summary>
    public void ObserveState(
        Func<int> inFlight,
        Func<int> queued,
        Func<BreakerState> breaker,
        Func<int> spoolDepth,
        Func<double> spoolOldestAgeSeconds,
        Func<int> partitionsAssigned,
        Func<int> partitionsPaused,
        Func<double> budgetRate)
    {
        _meter.CreateObservableGauge("laglab_pipeline_events_in_flight", () => inFlight(), "{event}", "Events taken from Kafka and not final: queued plus running");
        _meter.CreateObservableGauge("laglab_pipeline_events_queued", () => queued(), "{event}", "Events waiting for their account's turn (the memory buffer)");
        _meter.CreateObservableGauge("laglab_pipeline_breaker_state", () => (int)breaker(), "{state}", "Circuit breaker: 0 closed, 1 open, 2 half-open");
        _meter.CreateObservableGauge("laglab_pipeline_spool_depth", () => spoolDepth(), "{event}", "Events held in the durable spool");
        _meter.CreateObservableGauge("laglab_pipeline_spool_oldest_age_seconds", () => spoolOldestAgeSeconds(), "s", "Age (since produced) of the oldest event in the spool; 0 when empty");
        _meter.CreateObservableGauge("laglab_pipeline_partitions_assigned", () => partitionsAssigned(), "{partition}", "Partitions this instance owns");
        _meter.CreateObservableGauge("laglab_pipeline_partitions_paused", () => partitionsPaused(), "{partition}", "Owned partitions paused by back-pressure");
        _meter.CreateObservableGauge("laglab_pipeline_bank_budget_rate", () => budgetRate(), "{request}/s", "This instance's share of the bank's request budget");
    }

    public void Processed(string outcome, long count = 1) => _processed.Add(count, new KeyValuePair<string, object?>("outcome", outcome));

    public void Malformed() => _malformed.Add(1);

    public void BankCall(BankReply reply)
    {
        _bankCalls.Add(1, new KeyValuePair<string, object?>("outcome", OutcomeLabel(reply.Outcome)));
        if (reply.Outcome == BankOutcome.Throttled)
        {
            _throttled.Add(1);
        }
        if (reply.Outcome != BankOutcome.BreakerOpen)
        {
            _bankLatency.Record(reply.Latency.TotalSeconds);
        }
    }

    public void EndToEnd(TimeSpan delay) => _endToEnd.Record(Math.Max(0, delay.TotalSeconds));

    public void Rebalance(string kind) => _rebalances.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void PartitionUnowned(TimeSpan gap) => _unowned.Record(gap.TotalSeconds);

    public void Commit(bool ok) => _commits.Add(1, new KeyValuePair<string, object?>("result", ok ? "ok" : "failed"));

    public void BackPressurePause() => _pauses.Add(1);

    public void Redelivered(string outcome) => _redelivered.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispose() => _meter.Dispose();

    private static string OutcomeLabel(BankOutcome outcome) => outcome switch
    {
        BankOutcome.Applied => "applied",
        BankOutcome.Replayed => "replayed",
        BankOutcome.Throttled => "throttled",
        BankOutcome.Failed => "failed",
        BankOutcome.TimedOut => "timed_out",
        BankOutcome.BreakerOpen => "breaker_open",
        BankOutcome.Conflict => "conflict",
        _ => "rejected",
    };
}
