using LagLab.Monitor.Collection;
using LagLab.Monitor.Model;

namespace LagLab.Monitor.Tests;

/// <summary>A cluster reader for loop and HTTP tests: returns, throws or hangs as the test says.</summary>
internal sealed class FakeClusterReader(TimeProvider time) : IClusterReader
{
    public Func<DateTimeOffset, ClusterSnapshot> Next { get; set; } = now => new SnapshotBuilder().At(now);

    public Exception? Failure { get; set; }

    public TaskCompletionSource? Hang { get; set; }

    public int Reads { get; private set; }

    public async Task<ClusterSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        Reads++;
        if (Hang is { } hang)
        {
            await hang.Task;
        }
        if (Failure is { } failure)
        {
            throw failure;
        }
        return Next(time.GetUtcNow());
    }

    public void Dispose()
    {
    }
}
