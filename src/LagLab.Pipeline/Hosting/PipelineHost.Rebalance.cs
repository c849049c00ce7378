using Confluent.Kafka;
using LagLab.Contracts;
using LagLab.Pipeline.Logging;
using LagLab.Pipeline.Processing;

namespace LagLab.Pipeline.Hosting;

/// <summary>
/// Rebalance handling, on the poll thread. Assigned: a fresh lease per partition, paused at once when the loop is paused.
/// Revoked: no new work for the partitions, in-flight work gets <see cref="PipelineOptions.RevokeTimeout"/> to finish,
/// then what is final is committed (with a spool, its events of those partitions are handed back to Kafka first) and the
/// rest is left to the next owner. Lost: nothing is committed, in-flight work is abandoned at once.
/// </summary>
internal sealed partial class PipelineHost
{
    private void OnAssigned(List<TopicPartition> partitions) =>
        InRebalanceCallback($"handling the assignment of {Describe(partitions)}", () => Assign(partitions));

    private void OnRevoked(List<TopicPartitionOffset> partitions, bool lost) =>
        InRebalanceCallback($"handling the {(lost ? "loss" : "revocation")} of {Describe([.. partitions.Select(p => p.TopicPartition)])}", () =>
        {
            _metrics.Rebalance(lost ? "lost" : "revoked");
            ReleasePartitions([.. partitions.Select(p => p.TopicPartition)], lost, waitForInFlight: true);
        });

    /// <summary>
    /// A rebalance callback must not throw: Confluent.Kafka would catch it, unassign everything (refused under cooperative
    /// rebalancing, which leaves the group stuck waiting for the assignment call) and throw it again from the next Consume.
    /// A failure is recorded instead: the loop stops, nothing more is committed (the bookkeeping is not trusted) and the
    /// consumer closes.
    /// </summary>
    private void InRebalanceCallback(string activity, Action handle)
    {
        try
        {
            handle();
        }
#pragma warning disable CA1031 // recorded as the run's failure (see Fail)
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _untrusted = true;
            Fail(activity, ex);
        }
    }

    private void Assign(List<TopicPartition> partitions)
    {
        var now = _time.GetUtcNow();
        foreach (var tp in partitions)
        {
            if (_leases.ContainsKey(tp))
            {
                continue;
            }
            _leases[tp] = new PartitionLease(tp, now);
            if (_revokedAt.Remove(tp, out var revokedAt))
            {
                _metrics.PartitionUnowned(now - revokedAt);
            }
        }
        if (_flow.MustPauseNewlyAssigned)
        {
            _pauseWhenAssigned.AddRange(partitions);
        }
        _metrics.Rebalance("assigned");
        UpdateOwnership("assigned", partitions);
    }

    private void ReleasePartitions(List<TopicPartition> partitions, bool lost, bool waitForInFlight)
    {
        // After a failure on the poll thread nothing is committed any more: let go as if lost.
        lost |= _untrusted;
        var leases = partitions.Where(_leases.ContainsKey).Select(tp => _leases[tp]).ToHashSet();
        if (leases.Count == 0)
        {
            return;
        }
        var keys = leases.Select(l => (l.TopicPartition.Topic, l.TopicPartition.Partition.Value)).ToList();
        _processor.BeginHandBack(keys);
        try
        {
            var removed = _dispatcher.RemoveQueued(i => i.Lease is { } l && leases.Contains(l));
            foreach (var item in removed)
            {
                item.Lease!.Tracker.Release(item.Offset);
            }
            var dropped = removed.Count;
            if (lost)
            {
                foreach (var lease in leases)
                {
                    lease.Abandon();
                }
                PipelineLog.Lost(_log, Describe(partitions), dropped);
            }
            else
            {
                if (waitForInFlight)
                {
                    using var bound = new CancellationTokenSource(_options.RevokeTimeout);
                    _dispatcher.WaitUntilNotRunningAsync(i => (i.Lease is { } l && leases.Contains(l)) || i.IsReplay, bound.Token).GetAwaiter().GetResult();
                }
                var abandoned = 0;
                foreach (var lease in leases)
                {
                    abandoned += _dispatcher.IsRunning(i => i.Lease == lease) ? 1 : 0;
                    lease.Abandon();
                }
                var offsets = FinalOffsets(leases);
                Commit(offsets, retryLater: false);
                PipelineLog.Revoked(_log, Describe(partitions), dropped, abandoned, string.Join(", ", offsets.Select(o => $"[{o.Partition.Value}]@{o.Offset.Value}")));
            }
        }
        finally
        {
            _processor.EndHandBack(keys);
        }
        var now = _time.GetUtcNow();
        foreach (var lease in leases)
        {
            _leases.Remove(lease.TopicPartition);
            _paused.Remove(lease.TopicPartition);
            _revokedAt[lease.TopicPartition] = now;
            lease.Dispose();
        }
        _pausedCount = _paused.Count;
        UpdateOwnership(lost ? "lost" : "revoked", partitions);
    }

    /// <summary>
    /// What may be committed for partitions being let go: the final prefix, except that events of these partitions still
    /// in the spool are handed back (the commit goes back to the oldest of them), so the next owner applies them in order.
    /// </summary>
    private List<TopicPartitionOffset> FinalOffsets(IEnumerable<PartitionLease> leases)
    {
        var offsets = new List<TopicPartitionOffset>();
        foreach (var lease in leases)
        {
            var tp = lease.TopicPartition;
            long? offset = lease.Tracker.Committable;
            if (_spool is not null)
            {
                var handedBack = _spool.RemovePartition(tp.Topic, tp.Partition.Value);
                if (handedBack.Count > 0)
                {
                    var oldest = handedBack.Min(e => e.Offset);
                    offset = offset is { } final ? Math.Min(final, oldest) : oldest;
                    PipelineLog.HandedBack(_log, handedBack.Count, lease.ToString(), oldest);
                }
            }
            if (offset is { } value)
            {
                offsets.Add(new TopicPartitionOffset(tp, value));
            }
        }
        return offsets;
    }

    private void UpdateOwnership(string change, List<TopicPartition> partitions)
    {
        _ownedCount = _leases.Count;
        _budget.SetShare(_leases.Count, _topicPartitions);
        PipelineLog.Ownership(_log, change, Describe(partitions), Describe([.. _leases.Keys]));
        // One machine-readable line per change, for fleets and benchmarks that measure ownership gaps.
        WriteLine(new OwnershipLine(_instance, change, [.. partitions.Select(p => p.Partition.Value)], [.. _leases.Keys.Select(p => p.Partition.Value)],
            _time.GetUtcNow().ToUnixTimeMilliseconds()).Format());
    }

    private static string Describe(List<TopicPartition> partitions) =>
        partitions.Count == 0 ? "nothing" : string.Join(',', partitions.GroupBy(p => p.Topic).Select(g => $"{g.Key}[{string.Join(',', g.Select(p => p.Partition.Value).Order())}]"));
}
