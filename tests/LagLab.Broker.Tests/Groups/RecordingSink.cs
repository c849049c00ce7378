using LagLab.Broker.Groups.Persistence;

namespace LagLab.Broker.Tests.Groups;

/// <summary>Keeps every record the coordinator writes; writes complete at once unless <see cref="Hold"/> is set.</summary>
internal sealed class RecordingSink : IGroupRecordSink
{
    private readonly List<TaskCompletionSource> _held = [];

    public List<(int Partition, GroupRecord Record)> Records { get; } = [];

    /// <summary>When true, writes stay pending until <see cref="ReleaseAll"/> or <see cref="FailAll"/>.</summary>
    public bool Hold { get; set; }

    public Task AppendAsync(int partition, IReadOnlyList<GroupRecord> records)
    {
        foreach (var record in records)
        {
            Records.Add((partition, record));
        }
        if (!Hold)
        {
            return Task.CompletedTask;
        }
        var pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held.Add(pending);
        return pending.Task;
    }

    public void ReleaseAll()
    {
        foreach (var pending in _held)
        {
            pending.SetResult();
        }
        _held.Clear();
    }

    public void FailAll()
    {
        foreach (var pending in _held)
        {
            pending.SetException(new IOException("disk full"));
        }
        _held.Clear();
    }
}
