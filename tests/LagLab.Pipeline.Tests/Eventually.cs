namespace LagLab.Pipeline.Tests;

/// <summary>Waits (in real time, bounded) for work that a fake clock released to finish on the thread pool.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for: {what}");
            }
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Gives continuations released by a fake-clock advance a moment to run, then reports whether the task is done.</summary>
    public static async Task<bool> SettledAsync(Task task)
    {
        for (var i = 0; i < 20 && !task.IsCompleted; i++)
        {
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }
        return task.IsCompleted;
    }
}
