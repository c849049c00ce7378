using System.Text;
using Confluent.Kafka;
using LagLab.Contracts;
using LagLab.Pipeline.Flow;
using LagLab.Pipeline.Logging;
using LagLab.Pipeline.Offsets;
using LagLab.Pipeline.Processing;

namespace LagLab.Pipeline.Hosting;

/// <summary>The poll loop: its own thread, never waits on the bank (in async mode), keeps polling while paused.</summary>
internal sealed partial class PipelineHost
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);

    private Task RunPollThreadAsync(CancellationToken stop)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                PollLoop(stop);
                done.SetResult();
            }
#pragma warning disable CA1031 // the thread's failure is handed to the awaiting task
            catch (Exception ex)
#pragma warning restore CA1031
            {
                done.SetException(ex);
            }
        })
        {
            Name = "laglab-poll",
            IsBackground = true,
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>
    /// Polls until <paramref name="stop"/> fires, then shuts down. An unexpected exception (a bug: nothing here throws by
    /// design) ends the loop as a <see cref="PipelineFailedException"/> saying what it was doing, on which partition and
    /// offset, after <see cref="CloseAfterFailure"/>.
    /// </summary>
    private void PollLoop(CancellationToken stop)
    {
        var step = "subscribing";
        ConsumeResult<byte[]?, byte[]?>? record = null;
        try
        {
            _consumer.Subscribe(_options.Topic);
            WriteLine($"laglab pipeline ready: instance {_instance} consuming {_options.Topic} as group {_options.Group}");
            var nextCommit = _time.GetUtcNow() + _options.CommitInterval;
            while (!stop.IsCancellationRequested)
            {
                step = "polling";
                record = null;
                try
                {
                    record = _consumer.Consume(PollTimeout);
                    if (record is { IsPartitionEOF: false, Message: not null })
                    {
                        step = "taking";
                        Take(record, stop);
                    }
                }
                catch (ConsumeException ex)
                {
                    PipelineLog.KafkaError(_log, $"consume: {ex.Error.Reason}");
                }
                step = "applying back-pressure";
                ApplyFlow();
                if (_time.GetUtcNow() >= nextCommit)
                {
                    step = "committing";
                    CommitFinal();
                    nextCommit = _time.GetUtcNow() + _options.CommitInterval;
                }
            }
            step = "shutting down";
            record = null;
            Shutdown();
        }
#pragma warning disable CA1031 // reported with its context, then thrown again as the run's failure
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var activity = record is null ? step : $"{step} {record.Topic}[{record.Partition.Value}]@{record.Offset.Value}";
            PipelineLog.Failed(_log, ex, activity);
            var failure = new PipelineFailedException(activity, ex);
            if (step != "shutting down")
            {
                CloseAfterFailure();
            }
            throw failure;
        }
    }

    /// <summary>
    /// After a failure on the poll thread (or in a rebalance callback) its bookkeeping is not trusted: nothing more is
    /// committed (what is committed stays; the rest is read again by the next owner), queued work is dropped and the
    /// leases abandoned, and the consumer is closed so that the group moves the partitions at once. A consumer left
    /// unclosed is closed by librdkafka on dispose with its rebalance callbacks refused, which can hang under cooperative
    /// rebalancing: the instance would own its partitions and consume nothing.
    /// </summary>
    private void CloseAfterFailure()
    {
        _untrusted = true;
        try
        {
            ReleasePartitions([.. _leases.Keys], lost: true, waitForInFlight: false);
            _consumer.Close();
        }
#pragma warning disable CA1031 // the first failure is the one reported
        catch (Exception ex)
#pragma warning restore CA1031
        {
            PipelineLog.Failed(_log, ex, "closing the consumer after the failure");
        }
    }

    private void Take(ConsumeResult<byte[]?, byte[]?> record, CancellationToken stop)
    {
        if (!_leases.TryGetValue(record.TopicPartition, out var lease))
        {
            return; // a record of a partition no longer ours; its next owner reads it
        }
        var offset = record.Offset.Value;
        if (!IsWork(lease, offset))
        {
            return;
        }
        var value = record.Message.Value;
        if (!TryParse(record, out var evt, out var reason))
        {
            _metrics.Malformed();
            PipelineLog.Malformed(_log, record.Topic, record.Partition.Value, offset, reason);
            _sink.PublishDeadLetter(new DeadLetter(record.Topic, record.Partition.Value, offset, record.Message.Key, value, reason), (ok, error) =>
            {
                if (ok)
                {
                    _metrics.Processed("dead_lettered");
                    lease.Tracker.Complete(offset);
                }
                else
                {
                    // Not final and never retried: the partition's commits would stall behind it for good.
                    PipelineLog.PublishFailed(_log, _options.DeadLetterTopic, error ?? "unknown");
                    Fail($"dead-lettering the malformed record {record.Topic}[{record.Partition.Value}]@{offset}", new KafkaException(new Error(ErrorCode.Unknown, error ?? "unknown")));
                }
            });
            return;
        }
        var item = WorkItem.ForEvent(evt, value!, lease, offset);
        if (_options.Mode == ProcessingMode.Blocking)
        {
            // The incident's consumer: the loop itself waits for the bank, so nothing else is polled meanwhile.
            try
            {
                _processor.HandleAsync(item, stop).AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            return;
        }
        _dispatcher.Enqueue(item);
    }

    /// <summary>
    /// Whether the record at <paramref name="offset"/> is work: a new offset is; an offset delivered again (librdkafka's
    /// own pause and resume around a cooperative rebalance, a seek, a reset) is only when its earlier work was released.
    /// </summary>
    private bool IsWork(PartitionLease lease, long offset)
    {
        var lastTaken = lease.Tracker.LastTaken;
        var outcome = lease.Tracker.Take(offset);
        if (outcome == TakeOutcome.Taken)
        {
            lease.Redelivering = false;
            return true;
        }
        var label = outcome switch
        {
            TakeOutcome.SkippedFinal => "skipped_final",
            TakeOutcome.SkippedInFlight => "skipped_in_flight",
            _ => "retaken",
        };
        _metrics.Redelivered(label);
        if (!lease.Redelivering)
        {
            lease.Redelivering = true;
            PipelineLog.RedeliveryStarted(_log, lease.ToString(), offset, lastTaken ?? -1, label);
        }
        else
        {
            PipelineLog.Redelivered(_log, lease.ToString(), offset, label);
        }
        return outcome == TakeOutcome.Retaken;
    }

    private static bool TryParse(ConsumeResult<byte[]?, byte[]?> record, out ReconciliationEvent evt, out string reason)
    {
        evt = null!;
        if (record.Message.Value is not { } value)
        {
            reason = "record has no value (tombstone): expected a JSON reconciliation event.";
            return false;
        }
        if (!ReconciliationEventJson.TryParse(value, out var parsed, out var error))
        {
            reason = error;
            return false;
        }
        if (record.Message.Key is { } key && !key.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(parsed.Account)))
        {
            // The record key decides the partition and so the order; a key that is not the account breaks ordering.
            reason = $"record key '{Encoding.UTF8.GetString(key)}' is not the event's account '{parsed.Account}'.";
            return false;
        }
        evt = parsed;
        reason = string.Empty;
        return true;
    }

    private void ApplyFlow()
    {
        if (_options.Mode == ProcessingMode.Blocking)
        {
            return;
        }
        if (_pauseWhenAssigned.Count > 0)
        {
            var owned = _pauseWhenAssigned.Where(_leases.ContainsKey).ToList();
            _pauseWhenAssigned.Clear();
            if (_flow.IsPaused && owned.Count > 0)
            {
                Pause(owned);
            }
        }
        var pending = _dispatcher.Pending;
        switch (_flow.Evaluate(pending))
        {
            case FlowAction.Pause:
                _metrics.BackPressurePause();
                PipelineLog.Flow(_log, pending, "pausing", _leases.Count);
                Pause([.. _leases.Keys]);
                break;
            case FlowAction.Resume:
                var paused = _paused.Where(_leases.ContainsKey).ToList();
                PipelineLog.Flow(_log, pending, "resuming", paused.Count);
                try
                {
                    _consumer.Resume(paused);
                }
                catch (KafkaException ex)
                {
                    PipelineLog.KafkaError(_log, $"resume: {ex.Error.Reason}");
                }
                _paused.Clear();
                _pausedCount = 0;
                break;
        }
    }

    private void Pause(List<TopicPartition> partitions)
    {
        try
        {
            _consumer.Pause(partitions);
            _paused.UnionWith(partitions);
        }
        catch (KafkaException ex)
        {
            // Not yet assigned inside the client: try again after the next poll.
            PipelineLog.KafkaError(_log, $"pause: {ex.Error.Reason}");
            _pauseWhenAssigned.AddRange(partitions);
        }
        _pausedCount = _paused.Count;
    }

    /// <summary>Commits, per owned partition, the contiguous prefix whose outcome is final (when it moved).</summary>
    private void CommitFinal()
    {
        if (_untrusted)
        {
            return;
        }
        var offsets = new List<TopicPartitionOffset>();
        foreach (var (tp, lease) in _leases)
        {
            if (lease.Tracker.TryTakeCommit(out var offset))
            {
                offsets.Add(new TopicPartitionOffset(tp, offset));
            }
        }
        Commit(offsets, retryLater: true);
    }

    private void Commit(List<TopicPartitionOffset> offsets, bool retryLater)
    {
        if (offsets.Count == 0)
        {
            return;
        }
        try
        {
            _consumer.Commit(offsets);
            _metrics.Commit(ok: true);
        }
        catch (KafkaException ex)
        {
            _metrics.Commit(ok: false);
            PipelineLog.CommitFailed(_log, ex.Error.Reason);
            if (retryLater)
            {
                foreach (var tpo in offsets)
                {
                    if (_leases.TryGetValue(tpo.TopicPartition, out var lease))
                    {
                        lease.Tracker.CommitFailed(tpo.Offset.Value);
                    }
                }
            }
        }
    }

    /// <summary>SIGTERM: queued work goes back to Kafka, in-flight work gets a bound to finish, final offsets are committed.</summary>
    private void Shutdown()
    {
        var removed = _dispatcher.RemoveQueued(i => !i.IsReplay);
        foreach (var item in removed)
        {
            item.Lease!.Tracker.Release(item.Offset);
        }
        var dropped = removed.Count;
        PipelineLog.Draining(_log, dropped, _options.DrainTimeout, _dispatcher.InFlight);
        using (var bound = new CancellationTokenSource(_options.DrainTimeout))
        {
            _dispatcher.WaitUntilNotRunningAsync(_ => true, bound.Token).GetAwaiter().GetResult();
        }
        ReleasePartitions([.. _leases.Keys], lost: false, waitForInFlight: false);
        // Static members do not leave the group here (librdkafka skips LeaveGroup for group.instance.id); others do.
        _consumer.Close();
        WriteLine($"laglab pipeline stopped: instance {_instance}");
    }
}
