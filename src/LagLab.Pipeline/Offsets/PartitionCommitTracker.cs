namespace LagLab.Pipeline.Offsets;

/// <summary>
/// The offsets of one partition taken into work, and how far they may be committed: only up to the contiguous prefix whose
/// outcome is final (applied, spooled or dead-lettered). Completions may arrive in any order (accounts run concurrently);
/// offsets may have gaps (compaction, control records), so the prefix follows the offsets actually taken, not offset + 1.
/// Thread-safe: the poll thread adds and commits, workers complete.
/// </summary>
internal sealed class PartitionCommitTracker
{
    private readonly Lock _lock = new();
    private readonly Queue<long> _taken = new();
    private readonly HashSet<long> _final = [];
    private long _lastTaken = -1;
    private long _committable = -1;
    private long _committed = -1;

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

    /// <summary>Records that <paramref name="offset"/> was taken into work; offsets must be taken in increasing order.</summary>
    public void Take(long offset)
    {
        lock (_lock)
        {
            if (offset <= _lastTaken)
            {
                throw new InvalidOperationException($"Offset {offset} taken after {_lastTaken}: offsets must increase.");
            }
            _lastTaken = offset;
            _taken.Enqueue(offset);
        }
    }

    /// <summary>Marks the outcome of <paramref name="offset"/> final; returns false when it was not taken or already final.</summary>
    public bool Complete(long offset)
    {
        lock (_lock)
        {
            if (_taken.Count == 0 || offset < _taken.Peek() || offset > _lastTaken || !_final.Add(offset))
            {
                return false;
            }
            while (_taken.Count > 0 && _final.Remove(_taken.Peek()))
            {
                _committable = _taken.Dequeue() + 1;
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
