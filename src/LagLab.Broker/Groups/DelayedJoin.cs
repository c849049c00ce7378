namespace LagLab.Broker.Groups;

/// <summary>
/// The pending end of a join phase (DelayedJoin.scala). A regular one completes as soon as every known member
/// has rejoined, or at its timeout; an initial one (first rebalance of an empty group) never completes early
/// and may be re-armed while newcomers keep arriving. Identity matters: a timer firing for a replaced
/// instance is ignored.
/// </summary>
internal sealed class DelayedJoin(bool isInitial, int delayMs, int remainingMs)
{
    public bool IsInitial { get; } = isInitial;

    public int DelayMs { get; } = delayMs;

    /// <summary>For an initial join: how much of the rebalance timeout is left for further extensions.</summary>
    public int RemainingMs { get; } = remainingMs;

    public ITimer? Timer { get; set; }

    public void Cancel() => Timer?.Dispose();
}
