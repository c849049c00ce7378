namespace LagLab.Broker.Producers;

/// <summary>What one partition remembers about one producer id: its epoch and its last few batches.</summary>
internal sealed class ProducerState(short epoch)
{
    private readonly Queue<ProducerBatch> _batches = new(ProducerStateTable.MaxCachedBatches);

    public short Epoch { get; } = epoch;

    public long LastTimestampMs { get; set; } = -1;

    public IReadOnlyCollection<ProducerBatch> Batches => _batches;

    public int LastSequence => _batches.Count == 0 ? -1 : _batches.Last().LastSequence;

    public void Add(ProducerBatch batch)
    {
        _batches.Enqueue(batch);
        while (_batches.Count > ProducerStateTable.MaxCachedBatches)
        {
            _batches.Dequeue();
        }
    }

    public ProducerBatch? FindDuplicate(int firstSequence, int lastSequence)
    {
        foreach (var batch in _batches)
        {
            if (batch.FirstSequence == firstSequence && batch.LastSequence == lastSequence)
            {
                return batch;
            }
        }
        return null;
    }
}
