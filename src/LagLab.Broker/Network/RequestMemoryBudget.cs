namespace LagLab.Broker.Network;

/// <summary>
/// Kafka's queued.max.request.bytes: one budget of request bytes for all connections. A connection
/// reserves its next request's size (known from the size prefix) before reading the body; when the budget
/// is spent it waits, unread, in arrival order, until handled requests give their bytes back (Kafka mutes
/// the channel the same way). A request alone is always let in, so none waits forever.
/// </summary>
internal sealed class RequestMemoryBudget(long capacity)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<(long Bytes, TaskCompletionSource Granted)> _waiting = new();
    private long _inUse;

    /// <summary>Bytes reserved now by requests being read or handled.</summary>
    public long InUse => Volatile.Read(ref _inUse);

    public long Capacity => capacity;

    public async ValueTask ReserveAsync(long bytes, CancellationToken cancellationToken)
    {
        LinkedListNode<(long Bytes, TaskCompletionSource Granted)> node;
        lock (_lock)
        {
            if (_waiting.Count == 0 && Fits(bytes))
            {
                Volatile.Write(ref _inUse, _inUse + bytes);
                return;
            }
            node = _waiting.AddLast((bytes, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
        }
        await using var registration = cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                if (node.List is null)
                {
                    return;
                }
                _waiting.Remove(node);
                GrantWaiting();
            }
            node.Value.Granted.TrySetCanceled(cancellationToken);
        });
        await node.Value.Granted.Task.ConfigureAwait(false);
    }

    public void Release(long bytes)
    {
        lock (_lock)
        {
            Volatile.Write(ref _inUse, _inUse - bytes);
            GrantWaiting();
        }
    }

    private bool Fits(long bytes) => _inUse == 0 || _inUse + bytes <= capacity;

    /// <summary>Under the lock: lets waiting readers in, oldest first, while they fit.</summary>
    private void GrantWaiting()
    {
        while (_waiting.First is { } first && Fits(first.Value.Bytes))
        {
            _waiting.RemoveFirst();
            Volatile.Write(ref _inUse, _inUse + first.Value.Bytes);
            first.Value.Granted.TrySetResult();
        }
    }
}
