namespace LagLab.Broker.Producers;

/// <summary>Sequence range and offsets of one appended idempotent batch, kept to recognise a retried duplicate.</summary>
internal readonly record struct ProducerBatch(int FirstSequence, int LastSequence, long FirstOffset, long LastOffset);
