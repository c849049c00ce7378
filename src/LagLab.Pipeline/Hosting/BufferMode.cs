namespace LagLab.Pipeline.Hosting;

/// <summary>Where events wait while the bank throttles or the breaker is open (<c>--buffer</c>).</summary>
public enum BufferMode
{
    /// <summary>In the bounded per-account queues; at the bound partitions pause and Kafka lag shows the pending work.</summary>
    Memory,

    /// <summary>In a local SQLite spool: an event is final once spooled, so its offset is committed.</summary>
    Durable,
}
