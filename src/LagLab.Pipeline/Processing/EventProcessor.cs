using LagLab.Pipeline.Bank;
using LagLab.Pipeline.Buffering;
using LagLab.Pipeline.Logging;
using LagLab.Pipeline.Metrics;
using Microsoft.Extensions.Logging;

namespace LagLab.Pipeline.Processing;

/// <summary>
/// Applies one work item to the bank; runs on a dispatcher worker, so items of one account arrive here one at a time and
/// in order. An event's outcome becomes final when the bank applied it and its result record is acknowledged, when it is
/// dead-lettered, or (with a spool) when it is spooled; only then is its offset completed. On a transient answer the
/// event waits its turn again (memory buffer: the account's queue holds, Kafka lag shows it) or, with a spool, is spooled
/// once the next try is at least <see cref="ProcessorSettings.SpoolAfter"/> away. Once an account has spooled events,
/// its later events are spooled behind them and the spool is replayed in order, so the account's order holds.
/// </summary>
internal sealed class EventProcessor
{
    private readonly BankBudget _budget;
    private readonly BankGateway _bank;
    private readonly IOutcomeSink _sink;
    private readonly DurableSpool? _spool;
    private readonly PipelineMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ProcessorSettings _settings;
    private readonly ILogger _log;
    private readonly HashSet<(string Topic, int Partition)> _handingBack = [];
    private readonly Lock _handingBackLock = new();

    public EventProcessor(BankBudget budget, BankGateway bank, IOutcomeSink sink, DurableSpool? spool, PipelineMetrics metrics, TimeProvider time, ProcessorSettings settings, ILogger log)
    {
        _budget = budget;
        _bank = bank;
        _sink = sink;
        _spool = spool;
        _metrics = metrics;
        _time = time;
        _settings = settings;
        _log = log;
    }

    /// <summary>
    /// Spooled events of these partitions must not be replayed (a revoke is handing them back to Kafka).
    /// </summary>
    public void BeginHandBack(IEnumerable<(string Topic, int Partition)> partitions)
    {
        lock (_handingBackLock)
        {
            _handingBack.UnionWith(partitions);
        }
    }

    public void EndHandBack(IEnumerable<(string Topic, int Partition)> partitions)
    {
        lock (_handingBackLock)
        {
            _handingBack.ExceptWith(partitions);
        }
    }

    public async ValueTask HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        if (item.IsReplay)
        {
            await ReplayAsync(item.Account, cancellationToken).ConfigureAwait(false);
            return;
        }
        var lease = item.Lease!;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Abandoned);
        try
        {
            await ApplyAsync(item, lease, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lease.IsAbandoned && !cancellationToken.IsCancellationRequested)
        {
            // The partition went away: the event stays unfinished and its next owner reads it again.
            PipelineLog.Abandoned(_log, item.ToString());
        }
    }

    private async Task ApplyAsync(WorkItem item, PartitionLease lease, CancellationToken cancellationToken)
    {
        var evt = item.Event!;
        if (_spool is not null && _spool.HasAccount(item.Account))
        {
            // Earlier events of this account wait in the spool: this one queues behind them.
            Spool(item, lease);
            await ReplayAsync(item.Account, cancellationToken).ConfigureAwait(false);
            return;
        }
        var failures = 0;
        while (true)
        {
            await _budget.WaitAsync(cancellationToken).ConfigureAwait(false);
            var reply = await _bank.ReconcileAsync(evt.EventId, item.Body!, cancellationToken).ConfigureAwait(false);
            _metrics.BankCall(reply);
            if (reply.IsApplied)
            {
                await PublishResultAsync(item.Account, evt.EventId, evt.Sequence, evt.ProducedAt, reply, spooled: false, lease.TopicPartition.Partition.Value, item.Offset, cancellationToken).ConfigureAwait(false);
                lease.Tracker.Complete(item.Offset);
                return;
            }
            if (IsFinalRefusal(reply))
            {
                var tp = lease.TopicPartition;
                await _sink.PublishDeadLetterAsync(new DeadLetter(tp.Topic, tp.Partition.Value, item.Offset, System.Text.Encoding.UTF8.GetBytes(item.Account), item.Body, DeadLetterReason(reply)), cancellationToken).ConfigureAwait(false);
                _metrics.Processed("dead_lettered"); // a conflict is also counted by laglab_pipeline_bank_requests{outcome="conflict"}
                lease.Tracker.Complete(item.Offset);
                return;
            }
            var now = _time.GetUtcNow();
            var nextTry = NextTry(reply, now, ref failures);
            if (_spool is not null && nextTry - now >= _settings.SpoolAfter)
            {
                Spool(item, lease);
                return;
            }
            if (reply.Outcome != BankOutcome.Throttled && nextTry > now)
            {
                // Throttling waits in the budget (it holds every caller); failures back off here.
                await Task.Delay(nextTry - now, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The bank refused the event for good (a bad event, or its id reused with another payload): never retried.</summary>
    private static bool IsFinalRefusal(BankReply reply) => reply.Outcome is BankOutcome.Rejected or BankOutcome.Conflict;

    private static string DeadLetterReason(BankReply reply) =>
        reply.Outcome == BankOutcome.Conflict ? $"bank refused a reused event id: {reply.Reason}" : $"bank rejected the event: {reply.Reason}";


    private DateTimeOffset NextTry(BankReply reply, DateTimeOffset now, ref int failures)
    {
        switch (reply.Outcome)
        {
            case BankOutcome.Throttled:
                var until = reply.RetryAt ?? now + _settings.DefaultRetryAfter;
                _budget.PauseUntil(until);
                return until;
            case BankOutcome.BreakerOpen:
                return reply.RetryAt ?? now + _settings.DefaultRetryAfter;
            default:
                failures++;
                var backoff = TimeSpan.FromTicks(Math.Min(_settings.MaxBackoff.Ticks, _settings.FirstBackoff.Ticks << Math.Min(failures - 1, 20)));
                var next = now + backoff;
                return reply.RetryAt is { } retryAt && retryAt > next ? retryAt : next;
        }
    }

    private void Spool(WorkItem item, PartitionLease lease)
    {
        var evt = item.Event!;
        var tp = lease.TopicPartition;
        _spool!.Append(evt.EventId, item.Account, tp.Topic, tp.Partition.Value, item.Offset, evt.ProducedAt, _time.GetUtcNow(), item.Body!);
        _metrics.Processed("spooled");
        lease.Tracker.Complete(item.Offset);
    }

    /// <summary>Applies the account's spooled events in order until the spool has none left or the bank says "later".</summary>
    private async Task ReplayAsync(string account, CancellationToken cancellationToken)
    {
        if (_spool is null)
        {
            return;
        }
        while (true)
        {
            var entries = _spool.Peek(account, _settings.ReplayBatch);
            if (entries.Count == 0)
            {
                return;
            }
            foreach (var entry in entries)
            {
                if (IsHandingBack(entry.Topic, entry.Partition))
                {
                    return;
                }
                await _budget.WaitAsync(cancellationToken).ConfigureAwait(false);
                var body = entry.Body;
                var reply = await _bank.ReconcileAsync(entry.EventId, body, cancellationToken).ConfigureAwait(false);
                _metrics.BankCall(reply);
                if (reply.IsApplied)
                {
                    var sequence = Contracts.ReconciliationEventJson.TryParse(body, out var parsed, out _) ? parsed.Sequence : 0;
                    await PublishResultAsync(account, entry.EventId, sequence, entry.ProducedAt, reply, spooled: true, entry.Partition, entry.Offset, cancellationToken).ConfigureAwait(false);
                    _spool.Remove(entry);
                    continue;
                }
                if (IsFinalRefusal(reply))
                {
                    await _sink.PublishDeadLetterAsync(new DeadLetter(entry.Topic, entry.Partition, entry.Offset, System.Text.Encoding.UTF8.GetBytes(account), body, DeadLetterReason(reply)), cancellationToken).ConfigureAwait(false);
                    _metrics.Processed("dead_lettered"); // a conflict is also counted by laglab_pipeline_bank_requests{outcome="conflict"}
                    _spool.Remove(entry);
                    continue;
                }
                if (reply.Outcome == BankOutcome.Throttled)
                {
                    _budget.PauseUntil(reply.RetryAt ?? _time.GetUtcNow() + _settings.DefaultRetryAfter);
                }
                return;
            }
        }
    }

    private bool IsHandingBack(string topic, int partition)
    {
        lock (_handingBackLock)
        {
            return _handingBack.Contains((topic, partition));
        }
    }

    private async Task PublishResultAsync(string account, string eventId, long sequence, DateTimeOffset producedAt, BankReply reply, bool spooled, int partition, long offset, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var endToEnd = now - producedAt;
        await _sink.PublishResultAsync(new ResultRecord
        {
            EventId = eventId,
            Account = account,
            Sequence = sequence,
            Outcome = reply.Outcome == BankOutcome.Replayed ? "replayed" : "applied",
            BankLatencyMs = reply.Latency.TotalMilliseconds,
            EndToEndMs = endToEnd.TotalMilliseconds,
            AppliedAt = now,
            Spooled = spooled,
            Instance = _settings.Instance,
            Partition = partition,
            Offset = offset,
        }, cancellationToken).ConfigureAwait(false);
        _metrics.Processed(reply.Outcome == BankOutcome.Replayed ? "replayed" : "applied");
        _metrics.EndToEnd(endToEnd);
    }
}
