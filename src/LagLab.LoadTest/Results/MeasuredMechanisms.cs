namespace LagLab.LoadTest.Results;

/// <summary>
/// The capacity model's mechanism inputs as this run measured them (wall seconds), for the forecast "from measured
/// mechanisms"; null where the run did not show the mechanism (the scenario's stated value is then used).
/// Never the lag curve itself: only throughput while backlogged, deploy timings and the bank's re-sent count.
/// </summary>
/// <param name="CallsPerSecond">Bank calls/s of the whole fleet (applied plus re-sent) while every partition had a backlog, every instance was in a Stable group, and no action or rebalance was under way.</param>
/// <param name="BackloggedSeconds">How long that was measured over.</param>
/// <param name="PerCallSeconds">Blocking: busy instances / <see cref="CallsPerSecond"/>, the effective time of one call.</param>
/// <param name="CallOverheadSeconds">Blocking: <see cref="PerCallSeconds"/> minus the bank's stated mean latency (the model's <c>call_overhead</c>).</param>
/// <param name="EffectiveBudget">Concurrent: <see cref="CallsPerSecond"/> when below what the model says the fleet can do (e.g. the client's pacing under the bank's limit), used as the fleet's budget.</param>
/// <param name="RestartSeconds">The model's <c>restart_time</c>, from each deploy's restart events: static, stop requested → the bank applies a record of the instance's partitions again; dynamic, stop requested → the new process's ready line (it asks to join).</param>
/// <param name="RebalanceSeconds">Eager: the mean rebalance during deploys, first revocation → last assignment of the members' ownership lines (the model's <c>rebalance_time</c>).</param>
/// <param name="DeployReplays">Per rolling deploy, in order: events re-sent (refused by the bank as already applied) per restarted instance, from that deploy until the next.</param>
public sealed record MeasuredMechanisms(
    double? CallsPerSecond,
    double BackloggedSeconds,
    double? PerCallSeconds,
    double? CallOverheadSeconds,
    double? EffectiveBudget,
    double? RestartSeconds,
    double? RebalanceSeconds,
    IReadOnlyList<double> DeployReplays)
{
    /// <summary>Every restart of an instance (deploys, kills), phase by phase and partition by partition.</summary>
    /// <remarks>A results.json written before restarts were measured has none (read as empty, not null).</remarks>
    public IReadOnlyList<InstanceRestart> Restarts { get; init => field = value ?? []; } = [];

    /// <summary>The longest pause of any partition in any restart, from the bank's ledger.</summary>
    public double? LongestPartitionPause => Restarts.Select(r => r.LongestPartitionPause).Where(p => p is not null).Max();
}
