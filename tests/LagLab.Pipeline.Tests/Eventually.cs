namespace LagLab.Pipeline.Tests;

/// <summary>Waits (in real time, bounded) for work that a fake clock released to finish on the thread pool.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for: {what}");
            }
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Waits (bounded, in real time) for a task a fake-clock advance released. A loaded machine can take
    /// far longer than <see cref="SettledAsync"/>'s moment to run the continuation, so a test asserting
    /// that something completes waits for it here.
    /// </summary>
    public static async Task<bool> CompletesAsync(Task task)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!task.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }
        return task.IsCompleted;
    }

    /// <summary>
    /// Gives continuations released by a fake-clock advance a moment to run, then reports whether the task
    /// is done. Only for asserting that something has NOT completed (a short wait cannot make that fail
    /// falsely); to assert completion use <see cref="CompletesAsync"/>.
    /// </summary>
    public static async Task<bool> SettledAsync(Task task)
    {
        for (var i = 0; i < 20 && !task.IsCompleted; i++)
        {
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }
        return task.IsCompleted;
    }
}
