namespace LagLab.Scenarios;

public enum BufferMode
{
    /// <summary>No buffer (blocking mode).</summary>
    None,

    /// <summary>Bounded in-memory buffer; buffered events are not committed, so Kafka lag still counts them.</summary>
    Memory,

    /// <summary>Durable local spool: an event is final once spooled, so spooled events leave Kafka lag.</summary>
    Durable,
}
