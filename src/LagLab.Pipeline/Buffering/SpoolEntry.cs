namespace LagLab.Pipeline.Buffering;

/// <summary>One event held in the durable spool, with where it came from (so a revoke can hand it back to Kafka).</summary>
internal sealed record SpoolEntry(
    long Seq,
    string EventId,
    string Account,
    string Topic,
    int Partition,
    long Offset,
    DateTimeOffset ProducedAt,
    DateTimeOffset SpooledAt,
    byte[] Body);
