using System.Diagnostics.Metrics;
using LagLab.Protocol;

namespace LagLab.Broker;

/// <summary>The broker's instruments (System.Diagnostics.Metrics, meter "LagLab.Broker").</summary>
internal sealed class BrokerMetrics : IDisposable
{
    public const string MeterName = "LagLab.Broker";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _bytesIn;
    private readonly Counter<long> _bytesOut;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _malformed;
    private readonly Counter<long> _corruptBatches;

    public BrokerMetrics()
    {
        _meter = new Meter(MeterName);
        _requests = _meter.CreateCounter<long>("laglab_broker_requests", "{request}", "Requests handled, by API");
        _errors = _meter.CreateCounter<long>("laglab_broker_errors", "{error}", "Error codes returned, by API and error");
        _bytesIn = _meter.CreateCounter<long>("laglab_broker_received", "By", "Bytes received");
        _bytesOut = _meter.CreateCounter<long>("laglab_broker_sent", "By", "Bytes sent");
        _malformed = _meter.CreateCounter<long>("laglab_broker_malformed_requests", "{request}", "Connections closed for malformed requests");
        _corruptBatches = _meter.CreateCounter<long>("laglab_broker_corrupt_batches", "{batch}", "Damaged stored batches found by reads (each position counted once), by topic and partition");
    }

    public Meter Meter => _meter;

    public void RequestHandled(ApiKey apiKey) =>
        _requests.Add(1, new KeyValuePair<string, object?>("api", apiKey.ToString()));

    public void ErrorReturned(ApiKey apiKey, ErrorCode error) =>
        _errors.Add(1, new("api", apiKey.ToString()), new("error", error.ToString()));

    public void BytesReceived(long count) => _bytesIn.Add(count);

    public void BytesSent(long count) => _bytesOut.Add(count);

    public void MalformedRequest() => _malformed.Add(1);

    public void CorruptBatchFound(string topic, int partition) =>
        _corruptBatches.Add(1, new("topic", topic), new("partition", partition));

    /// <summary>Bytes of requests being read or handled now (bounded by queued.max.request.bytes).</summary>
    public void ObserveQueuedRequestBytes(Func<long> inUse) =>
        _meter.CreateObservableGauge("laglab_broker_queued_request_bytes", inUse, "By", "Bytes of requests being read or handled, all connections (at most --queued-max-request-bytes)");

    /// <summary>Per-partition log end and start offsets, read when a listener collects (no work between collections).</summary>
    public void ObserveLogOffsets(Func<IEnumerable<Measurement<long>>> endOffsets, Func<IEnumerable<Measurement<long>>> startOffsets)
    {
        _meter.CreateObservableGauge("laglab_broker_log_end_offset", endOffsets, "{offset}", "Log end offset (the high watermark) per topic partition");
        _meter.CreateObservableGauge("laglab_broker_log_start_offset", startOffsets, "{offset}", "Log start offset per topic partition");
    }

    public void Dispose() => _meter.Dispose();
}
