namespace LagLab.LoadTest.Results;

/// <summary>
/// One restart of one pipeline instance, measured from events only: the harness's stop, exit and start of the processes,
/// the pipeline's ready and ownership lines, and the bank's ledger. Times are run seconds; a phase whose end event
/// never came is left out.
/// </summary>
/// <param name="Cause">The timeline action it was part of (<c>rolling_deploy</c>, <c>kill</c>, ...).</param>
/// <param name="StopRequested">When the harness sent the signal.</param>
/// <param name="Phases">The named phases in order (see <see cref="RestartPhase"/>).</param>
/// <param name="Partitions">Per partition the old process owned: its pause, from the bank's ledger.</param>
/// <param name="Assigned">The partitions the new process was assigned first.</param>
/// <param name="Back">The first record of its old partitions the bank applied after the exit: the instance's partitions are moving again.</param>
/// <param name="Rebalances">Rebalances of the group (from ownership lines) from the stop until the next stop.</param>
/// <param name="Resent">Requests the bank refused as already applied, from the stop until the next stop (or 30 s).</param>
public sealed record InstanceRestart(
    string Instance,
    string Cause,
    double StopRequested,
    IReadOnlyList<RestartPhase> Phases,
    IReadOnlyList<RestartPartition> Partitions,
    IReadOnlyList<int> Assigned,
    double? Back,
    IReadOnlyList<RebalanceSpan> Rebalances,
    long Resent)
{
    /// <summary>Stop requested → <see cref="Back"/>: how long the instance's partitions made no progress at all.</summary>
    public double? AwaySeconds => Back - StopRequested;

    /// <summary>The longest pause of any of its partitions.</summary>
    public double? LongestPartitionPause => Partitions.Select(p => p.PauseSeconds).Where(p => p is not null).Max();

    public double? Phase(string name) => Phases.FirstOrDefault(p => p.Name == name)?.Seconds;
}
