namespace LagLab.Pipeline.Offsets;

/// <summary>
/// The offsets of one partition taken into work, and how far they may be committed: only up to the contiguous prefix whose
/// outcome is final (applied, spooled or dead-lettered). Completions may arrive in any order (accounts run concurrently);
/// offsets may have gaps (compaction, control records), so the prefix follows the offsets actually taken, not offset + 1.
/// librdkafka may deliver offsets again that were already taken (its own pause and resume around a cooperative rebalance
/// restarts the fetch at the application's position while the application is still consuming; a seek; a reset): a
/// redelivered offset is never work twice (see <see cref="Take"/>), and the committable prefix never moves backwards.
/// Thread-safe: the poll thread takes and commits, workers complete.
/// </summary>
internal sealed class PartitionCommitTracker
{
    private readonly Lock _lock = new();

    // Offsets taken and not yet behind the committable point, in increasing order, with their state.
    private readonly Queue<long> _taken = new();
    private readonly Dictionary<long, OffsetState> _states = [];
    private long _lastTaken = -1;
    private long _committable = -1;
    private long _committed = -1;

    private enum OffsetState
    {
        InWork,
        Released,
        Final,
    }

    /// <summary>Offsets taken and not yet committable (their outcome, or an earlier one's, is not final).</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _taken.Count;
            }
        }
    }

    /// <summary>The lowest offset taken whose outcome is not final, or null when none is.</summary>
    public long? OldestPending
    {
        get
        {
            lock (_lock)
            {
                return _taken.Count > 0 ? _taken.Peek() : null;
            }
        }
    }

    /// <summary>The highest offset taken so far, or null when none was.</summary>
    public long? LastTaken
    {
        get
        {
            lock (_lock)
            {
                return _lastTaken >= 0 ? _lastTaken : null;
            }
        }
    }

    /// <summary>The offset up to which everything taken is final (the next offset to read), or null when nothing is yet.</summary>
    public long? Committable
    {
        get
        {
            lock (_lock)
            {
                return _committable >= 0 ? _committable : null;
            }
        }
    }

    /// <summary>
    /// Records that the record at <paramref name="offset"/> was delivered, and says whether it is work. Past the last taken
    /// offset it is new work. At or before it (a redelivery) it is work again only when its earlier work was released
    /// (<see cref="Release"/>); when it is final, still in work, behind the committable point, before the first offset of
    /// this lease (committed by whoever read the partition before), or an offset never delivered (a gap), it is skipped.
    /// </summary>
    public TakeOutcome Take(long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        lock (_lock)
        {
            if (offset > _lastTaken)
            {
                _lastTaken = offset;
                _taken.Enqueue(offset);
                _states[offset] = OffsetState.InWork;
                return TakeOutcome.Taken;
            }
            if (!_states.TryGetValue(offset, out var state))
            {
                return TakeOutcome.SkippedFinal;
            }
            switch (state)
            {
                case OffsetState.InWork:
                    return TakeOutcome.SkippedInFlight;
                case OffsetState.Released:
                    _states[offset] = OffsetState.InWork;
                    return TakeOutcome.Retaken;
                default:
                    return TakeOutcome.SkippedFinal;
            }
        }
    }

    /// <summary>
    /// The work of <paramref name="offset"/> was dropped without an outcome (removed from the queues while the partition
    /// stays owned): a redelivery of it is work again. False when it is not in work.
    /// </summary>
    public bool Release(long offset)
    {
        lock (_lock)
        {
            if (!_states.TryGetValue(offset, out var state) || state != OffsetState.InWork)
            {
                return false;
            }
            _states[offset] = OffsetState.Released;
            return true;
        }
    }

    /// <summary>Marks the outcome of <paramref name="offset"/> final; returns false when it was not taken or already final.</summary>
    public bool Complete(long offset)
    {
        lock (_lock)
        {
            if (!_states.TryGetValue(offset, out var state) || state == OffsetState.Final)
            {
                return false;
            }
            _states[offset] = OffsetState.Final;
            while (_taken.TryPeek(out var oldest) && _states[oldest] == OffsetState.Final)
            {
                _taken.Dequeue();
                _states.Remove(oldest);
                _committable = oldest + 1;
            }
            return true;
        }
    }

    /// <summary>The offset to commit (next to read) when it moved since the last call; false when nothing new is final.</summary>
    public bool TryTakeCommit(out long offset)
    {
        lock (_lock)
        {
            offset = _committable;
            if (_committable <= _committed)
            {
                return false;
            }
            _committed = _committable;
            return true;
        }
    }

    /// <summary>Puts back an offset from <see cref="TryTakeCommit"/> whose commit failed, so the next attempt retries it.</summary>
    public void CommitFailed(long offset)
    {
        lock (_lock)
        {
            if (_committed == offset)
            {
                _committed = -1;
            }
        }
    }
}
