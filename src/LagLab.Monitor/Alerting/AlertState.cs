namespace LagLab.Monitor.Alerting;

public enum AlertState
{
    /// <summary>The expression returns the series, for less than the rule's <c>for</c>.</summary>
    Pending,

    /// <summary>The expression has returned the series for at least <c>for</c>.</summary>
    Firing,

    /// <summary>Was firing; the series is gone (kept a while so the receiver hears it).</summary>
    Resolved,
}
