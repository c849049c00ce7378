using LagLab.Contracts;

namespace LagLab.Pipeline.Processing;

/// <summary>
/// What a worker runs: one consumed event (with the lease and offset it must complete), or a replay of an account's
/// spooled events (no lease: spooled events are already final).
/// </summary>
internal sealed class WorkItem
{
    private WorkItem(string account, ReconciliationEvent? reconciliationEvent, byte[]? body, PartitionLease? lease, long offset)
    {
        Account = account;
        Event = reconciliationEvent;
        Body = body;
        Lease = lease;
        Offset = offset;
    }

    public string Account { get; }

    public ReconciliationEvent? Event { get; }

    /// <summary>The event's JSON as sent to the bank.</summary>
    public byte[]? Body { get; }

    public PartitionLease? Lease { get; }

    public long Offset { get; }

    public bool IsReplay => Lease is null;

    public static WorkItem ForEvent(ReconciliationEvent reconciliationEvent, byte[] body, PartitionLease lease, long offset) =>
        new(reconciliationEvent.Account, reconciliationEvent, body, lease, offset);

    public static WorkItem Replay(string account) => new(account, null, null, null, -1);

    public override string ToString() => IsReplay ? $"replay {Account}" : $"{Event!.EventId} at {Lease}@{Offset}";
}
