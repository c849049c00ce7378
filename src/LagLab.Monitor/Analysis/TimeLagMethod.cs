namespace LagLab.Monitor.Analysis;

/// <summary>How a time-lag value was obtained; the JSON API reports it next to every value.</summary>
public enum TimeLagMethod
{
    /// <summary>No value: too few samples yet, or no committed offset.</summary>
    Unknown,

    /// <summary>Committed offset at the end offset: nothing to consume, lag is 0.</summary>
    CaughtUp,

    /// <summary>Interpolated between two samples of (end offset, time); error at most one poll interval.</summary>
    Interpolated,

    /// <summary>The committed offset is older than every sample: the true lag is at least this value.</summary>
    LowerBound,

    /// <summary>The timestamp of the record at the committed offset, read from the log.</summary>
    Exact,
}
