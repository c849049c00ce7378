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
/// <param name="RestartSeconds">An instance away during a deploy (the model's <c>restart_time</c>): deploy length / instances, less the rejoin rebalance when dynamic.</param>
/// <param name="RebalanceSeconds">Eager: the group's time out of Stable per deploy / (2 × instances) (the model's <c>rebalance_time</c>).</param>
/// <param name="DeployReplays">Per rolling deploy, in order: events re-sent (refused by the bank as already applied) per restarted instance, from that deploy until the next.</param>
public sealed record MeasuredMechanisms(
    double? CallsPerSecond,
    double BackloggedSeconds,
    double? PerCallSeconds,
    double? CallOverheadSeconds,
    double? EffectiveBudget,
    double? RestartSeconds,
    double? RebalanceSeconds,
    IReadOnlyList<double> DeployReplays);
