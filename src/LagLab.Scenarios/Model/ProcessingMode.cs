namespace LagLab.Scenarios;

public enum ProcessingMode
{
    /// <summary>The bank is called inside the poll loop, one call at a time per consumer (the write-up's consumer).</summary>
    Blocking,

    /// <summary>The poll loop hands records to workers: up to <c>concurrency</c> calls in flight per instance.</summary>
    Concurrent,
}
