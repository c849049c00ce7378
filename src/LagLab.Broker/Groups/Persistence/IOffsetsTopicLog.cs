namespace LagLab.Broker.Groups.Persistence;

/// <summary>
/// The coordinator's view of the <c>__consumer_offsets</c> topic: append a batch to a partition, read a
/// partition back from its start. The broker backs it with its partition logs; tests use memory.
/// </summary>
internal interface IOffsetsTopicLog
{
    /// <summary>Appends one record batch; durable (per the broker's flush policy) when it returns.</summary>
    void Append(int partition, ReadOnlyMemory<byte> batch);

    /// <summary>Every batch of the partition, oldest first.</summary>
    IEnumerable<ReadOnlyMemory<byte>> ReadBatches(int partition);
}
