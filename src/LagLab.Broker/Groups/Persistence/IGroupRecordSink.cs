namespace LagLab.Broker.Groups.Persistence;

/// <summary>
/// Where the coordinator's records go. Called with the group lock held, so it must only enqueue: appends
/// happen in call order, and the task completes once the records are durable (or faults).
/// </summary>
internal interface IGroupRecordSink
{
    Task AppendAsync(int partition, IReadOnlyList<GroupRecord> records);
}
