using LagLab.Broker.Producers;
using LagLab.Broker.Topics;
using LagLab.Protocol;
using LagLab.Protocol.Records;

namespace LagLab.Broker.Storage;

/// <summary>
/// One partition of a topic: its log, its idempotent-producer state, and the signal long polls wait on.
/// Appends are validated and serialized here; reads go straight to the log, lock-free.
/// </summary>
internal sealed class Partition : IDisposable
{
    /// <summary>Kafka's producer.id.expiration.ms default (1 day).</summary>
    public const long ProducerExpirationMs = 24L * 60 * 60 * 1000;

    private readonly Lock _lock = new();
    private readonly IPartitionLog _log;
    private readonly ProducerSnapshotStore? _snapshots;
    private readonly ProducerStateTable _producers;
    private readonly DataArrivedSignal _dataArrived = new();
    private readonly TimeProvider _timeProvider;
    private volatile bool _closed;

    public Partition(string topic, int index, IPartitionLog log, TopicConfig config, ProducerSnapshotStore? snapshots, TimeProvider timeProvider)
    {
        Topic = topic;
        Index = index;
        Config = config;
        _log = log;
        _snapshots = snapshots;
        _timeProvider = timeProvider;
        _producers = RestoreProducers(log, snapshots);
        _log.SegmentRolled += offset => _snapshots?.Write(offset, _producers);
    }

    public string Topic { get; }

    public int Index { get; }

    public TopicConfig Config { get; set; }

    internal IPartitionLog Log => _log;

    public long LogStartOffset => _log.LogStartOffset;

    public long LogEndOffset => _log.LogEndOffset;

    /// <summary>Single replica: everything appended is committed.</summary>
    public long HighWatermark => _log.LogEndOffset;

    /// <summary>Largest producer id seen in this partition's state (so the allocator never reuses it).</summary>
    public long MaxProducerId
    {
        get
        {
            lock (_lock)
            {
                return _producers.MaxProducerId;
            }
        }
    }

    /// <summary>Validates and appends one produced batch; a retried idempotent duplicate returns its original offset.</summary>
    public PartitionAppendResult Append(ReadOnlySpan<byte> records)
    {
        var config = Config;
        var error = RecordBatchValidator.Validate(records, config.MaxMessageBytes, out var header, out var message);
        if (error != ErrorCode.None)
        {
            return PartitionAppendResult.Failed(error, message, LogStartOffsetOrUnknown());
        }
        long baseOffset;
        long? appendTime;
        lock (_lock)
        {
            if (_closed)
            {
                return PartitionAppendResult.Failed(ErrorCode.UnknownTopicOrPartition, $"{Topic}-{Index} was deleted.");
            }
            var check = _producers.Check(header);
            if (check.Outcome == ProducerCheckOutcome.Reject)
            {
                return PartitionAppendResult.Failed(check.Error, check.Message, _log.LogStartOffset);
            }
            if (check.Outcome == ProducerCheckOutcome.Duplicate)
            {
                return new PartitionAppendResult(ErrorCode.None, check.DuplicateBaseOffset, -1, _log.LogStartOffset);
            }
            var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            appendTime = config.TimestampType == TimestampType.LogAppendTime ? now : null;
            baseOffset = _log.Append(records, header, appendTime);
            _producers.Update(header, baseOffset, now);
        }
        _dataArrived.Notify();
        return new PartitionAppendResult(ErrorCode.None, baseOffset, appendTime ?? -1, _log.LogStartOffset);
    }

    /// <summary>Whole batches from the one containing <paramref name="offset"/>; UNKNOWN_TOPIC_OR_PARTITION once deleted.</summary>
    public LogReadResult Read(long offset, int maxBytes, bool minOneBatch = true)
    {
        if (_closed)
        {
            return LogReadResult.Failed(ErrorCode.UnknownTopicOrPartition);
        }
        try
        {
            return _log.Read(offset, maxBytes, minOneBatch);
        }
        catch (Exception ex) when (ex is ObjectDisposedException || (_closed && ex is IOException))
        {
            // Deleted while we read (its folder may already be renamed away).
            return LogReadResult.Failed(ErrorCode.UnknownTopicOrPartition);
        }
    }

    public TimestampOffset? FindOffsetByTimestamp(long timestamp)
    {
        try
        {
            return _closed ? null : _log.FindOffsetByTimestamp(timestamp);
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>Completes when data is next appended (or the partition is deleted). Take it before reading, then await it.</summary>
    public Task DataArrivedAsync() => _closed ? Task.CompletedTask : _dataArrived.NextAsync();

    public int ApplyRetention(long nowMs)
    {
        if (_closed)
        {
            return 0;
        }
        // Under the append lock: retention may roll the segment, and a roll snapshots the producer state.
        lock (_lock)
        {
            _producers.RemoveExpired(nowMs, ProducerExpirationMs);
            return _log.ApplyRetention(nowMs);
        }
    }

    public void Flush()
    {
        if (!_closed)
        {
            _log.Flush();
        }
    }

    /// <summary>Closes the partition and removes its data.</summary>
    public void Delete()
    {
        lock (_lock)
        {
            _closed = true;
            _log.Delete();
        }
        _dataArrived.Notify();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _closed = true;
            _log.Dispose();
        }
        _dataArrived.Notify();
    }

    private long LogStartOffsetOrUnknown() => _closed ? -1 : _log.LogStartOffset;

    /// <summary>Newest snapshot, then every idempotent batch after it (the whole log when there is no snapshot).</summary>
    private static ProducerStateTable RestoreProducers(IPartitionLog log, ProducerSnapshotStore? snapshots)
    {
        var snapshot = snapshots?.LoadLatest(log.LogEndOffset);
        var table = snapshot?.Table ?? new ProducerStateTable();
        var from = Math.Max(snapshot?.Offset ?? 0, log.LogStartOffset);
        foreach (var header in log.ReadHeaders(from))
        {
            if (header.HasProducerId && header.BaseOffset >= from)
            {
                table.Update(header, header.BaseOffset, header.MaxTimestamp);
            }
        }
        return table;
    }
}
