namespace LagLab.Monitor.Analysis;

/// <summary>The verdict on a partition or group, in increasing severity (a group takes its worst partition's).</summary>
public enum ConsumerStatus
{
    /// <summary>Lag within the allowed lag, or not growing while the consumer makes progress.</summary>
    Ok,

    /// <summary>The consumer makes progress but lag grows over the window.</summary>
    Lagging,

    /// <summary>The committed offset went back and has not recovered.</summary>
    Rewind,

    /// <summary>An assigned, live consumer does not advance while lag is above the allowed lag.</summary>
    Stalled,

    /// <summary>No live consumer owns the partition, no progress, and lag is above the allowed lag.</summary>
    Stopped,
}
