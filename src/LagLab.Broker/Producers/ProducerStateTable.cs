using LagLab.Protocol;
using LagLab.Protocol.Records;

namespace LagLab.Broker.Producers;

/// <summary>
/// Idempotent-producer state of one partition (Kafka's ProducerStateManager, reduced): per producer id,
/// the epoch and the last <see cref="MaxCachedBatches"/> batches. A retried batch that matches one of them
/// is acknowledged with its original offset and not appended again; a gap in sequences is
/// OUT_OF_ORDER_SEQUENCE_NUMBER; an older epoch is INVALID_PRODUCER_EPOCH. Not thread-safe: the
/// partition's append lock covers it.
/// </summary>
internal sealed class ProducerStateTable
{
    /// <summary>Kafka keeps five, matching max.in.flight.requests.per.connection for idempotence.</summary>
    public const int MaxCachedBatches = 5;

    private readonly Dictionary<long, ProducerState> _producers = [];

    public int Count => _producers.Count;

    public IReadOnlyDictionary<long, ProducerState> Producers => _producers;

    public long MaxProducerId => _producers.Count == 0 ? -1 : _producers.Keys.Max();

    public ProducerCheck Check(in RecordBatchHeader batch)
    {
        if (!batch.HasProducerId)
        {
            return ProducerCheck.Append;
        }
        if (!_producers.TryGetValue(batch.ProducerId, out var state))
        {
            // Unknown producer (new, or its state expired with the log): any sequence is accepted, as Kafka does.
            return ProducerCheck.Append;
        }
        if (batch.ProducerEpoch == state.Epoch && state.FindDuplicate(batch.BaseSequence, batch.LastSequence) is { } duplicate)
        {
            return ProducerCheck.Duplicate(duplicate.FirstOffset);
        }
        if (batch.ProducerEpoch < state.Epoch)
        {
            return ProducerCheck.Reject(ErrorCode.InvalidProducerEpoch,
                $"Producer {batch.ProducerId} sent epoch {batch.ProducerEpoch}, older than its current epoch {state.Epoch}.");
        }
        if (batch.ProducerEpoch > state.Epoch)
        {
            return batch.BaseSequence == 0
                ? ProducerCheck.Append
                : ProducerCheck.Reject(ErrorCode.OutOfOrderSequenceNumber,
                    $"Producer {batch.ProducerId} started epoch {batch.ProducerEpoch} at sequence {batch.BaseSequence}, expected 0.");
        }
        var expected = NextSequence(state.LastSequence);
        return batch.BaseSequence == expected
            ? ProducerCheck.Append
            : ProducerCheck.Reject(ErrorCode.OutOfOrderSequenceNumber,
                $"Producer {batch.ProducerId} epoch {batch.ProducerEpoch} sent sequence {batch.BaseSequence}, expected {expected}.");
    }

    /// <summary>Records an appended batch (also used to replay the log at open).</summary>
    public void Update(in RecordBatchHeader batch, long baseOffset, long timestampMs)
    {
        if (!batch.HasProducerId)
        {
            return;
        }
        if (!_producers.TryGetValue(batch.ProducerId, out var state) || batch.ProducerEpoch > state.Epoch)
        {
            state = new ProducerState(batch.ProducerEpoch);
            _producers[batch.ProducerId] = state;
        }
        else if (batch.ProducerEpoch < state.Epoch)
        {
            return;
        }
        state.Add(new ProducerBatch(batch.BaseSequence, batch.LastSequence, baseOffset, baseOffset + batch.LastOffsetDelta));
        state.LastTimestampMs = Math.Max(state.LastTimestampMs, timestampMs);
    }

    /// <summary>Restores one producer from a snapshot.</summary>
    public void Restore(long producerId, ProducerState state) => _producers[producerId] = state;

    /// <summary>Forgets producers idle for longer than <paramref name="expirationMs"/> (Kafka's producer.id.expiration.ms).</summary>
    public int RemoveExpired(long nowMs, long expirationMs)
    {
        var expired = _producers.Where(p => nowMs - p.Value.LastTimestampMs > expirationMs).Select(p => p.Key).ToList();
        foreach (var producerId in expired)
        {
            _producers.Remove(producerId);
        }
        return expired.Count;
    }

    private static int NextSequence(int sequence) => sequence == int.MaxValue ? 0 : sequence + 1;
}
