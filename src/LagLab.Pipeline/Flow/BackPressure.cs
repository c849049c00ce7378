namespace LagLab.Pipeline.Flow;

/// <summary>
/// Decides when the poll loop pauses and resumes its partitions: pause when the work taken and not finished reaches the
/// bound, resume once it fell to the resume mark (a gap, so the loop does not flap at the bound). While paused the loop
/// keeps polling (heartbeats, rebalances), and partitions assigned while paused must be paused too: a pause survives a
/// rebalance only for retained partitions. Not thread-safe: only the poll loop calls it.
/// </summary>
internal sealed class BackPressure
{
    public BackPressure(int bound, int resumeAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(resumeAt);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(resumeAt, bound);
        Bound = bound;
        ResumeAt = resumeAt;
    }

    public int Bound { get; }

    public int ResumeAt { get; }

    public bool IsPaused { get; private set; }

    /// <summary>How many times the bound was reached (each a pause of every assigned partition).</summary>
    public long Pauses { get; private set; }

    public FlowAction Evaluate(int pending)
    {
        if (!IsPaused && pending >= Bound)
        {
            IsPaused = true;
            Pauses++;
            return FlowAction.Pause;
        }
        if (IsPaused && pending <= ResumeAt)
        {
            IsPaused = false;
            return FlowAction.Resume;
        }
        return FlowAction.None;
    }

    /// <summary>Partitions just assigned must be paused now when the loop is paused.</summary>
    public bool MustPauseNewlyAssigned => IsPaused;
}
