namespace LagLab.Monitor.Analysis;

/// <summary>Where time lag comes from.</summary>
public enum TimeLagMode
{
    /// <summary>Interpolation only: no reads of topic data.</summary>
    Estimate,

    /// <summary>Interpolation, plus a record read where the estimate is only a lower bound or unknown.</summary>
    Auto,

    /// <summary>The record timestamp at every lagging committed offset (cached; budgeted per cycle), estimate as fallback.</summary>
    Exact,
}
