namespace LagLab.Broker.Storage;

/// <summary>
/// Wakes long-polling fetches when a partition gets data, without polling: a waiter takes the current
/// task before it looks at the log, and the next append completes it. A task exists only while someone waits.
/// </summary>
internal sealed class DataArrivedSignal
{
    private TaskCompletionSource? _next;

    /// <summary>Completes at the next <see cref="Notify"/> after this call.</summary>
    public Task NextAsync()
    {
        var current = Volatile.Read(ref _next);
        if (current is null)
        {
            var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            current = Interlocked.CompareExchange(ref _next, created, null) ?? created;
        }
        return current.Task;
    }

    public void Notify()
    {
        if (Volatile.Read(ref _next) is not null)
        {
            Interlocked.Exchange(ref _next, null)?.TrySetResult();
        }
    }
}
