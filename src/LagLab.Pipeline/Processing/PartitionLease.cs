using Confluent.Kafka;
using LagLab.Pipeline.Offsets;

namespace LagLab.Pipeline.Processing;

/// <summary>
/// One assignment of one partition to this instance: its commit tracker and a token that is cancelled when the partition
/// is taken away (revoke past its bound, lost, shutdown), so work for it stops and nothing more is committed for it.
/// A new assignment of the same partition gets a new lease; late completions of an old one go nowhere.
/// </summary>
internal sealed class PartitionLease : IDisposable
{
    private readonly CancellationTokenSource _abandon = new();

    public PartitionLease(TopicPartition topicPartition, DateTimeOffset assignedAt)
    {
        TopicPartition = topicPartition;
        AssignedAt = assignedAt;
    }

    public TopicPartition TopicPartition { get; }

    public DateTimeOffset AssignedAt { get; }

    public PartitionCommitTracker Tracker { get; } = new();

    /// <summary>True while the records delivered are redeliveries (the poll thread's own bookkeeping, for logging a run once).</summary>
    public bool Redelivering { get; set; }

    /// <summary>Cancelled when the work of this lease must stop.</summary>
    public CancellationToken Abandoned => _abandon.Token;

    public bool IsAbandoned => _abandon.IsCancellationRequested;

    public void Abandon() => _abandon.Cancel();

    public void Dispose() => _abandon.Dispose();

    public override string ToString() => $"{TopicPartition.Topic}[{TopicPartition.Partition.Value}]";
}
