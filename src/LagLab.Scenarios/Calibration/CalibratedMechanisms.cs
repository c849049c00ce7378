namespace LagLab.Scenarios;

/// <summary>
/// The model's mechanism inputs as measured (wall time). Null: the probe did not show that mechanism (an external
/// fleet is not deployed by the harness; a static member causes no rebalance); the forecast then gives a range over it.
/// </summary>
/// <param name="BackloggedCalls">Bank calls/s of the fleet (applied plus re-sent) while every partition had a backlog.</param>
/// <param name="BackloggedSeconds">How long <paramref name="BackloggedCalls"/> was measured over.</param>
/// <param name="PerCall">Blocking: the effective time of one call (busy instances / calls per second), seconds.</param>
/// <param name="CallOverhead">The pipeline's own time per call on top of the bank's mean latency, seconds (the model's <c>call_overhead</c>).</param>
/// <param name="EffectiveBudget">Concurrent: calls/s the fleet achieved when below what the model says it can do (its effective budget); null when not limiting.</param>
/// <param name="RestartTime">An instance away during a restart, seconds, as the run measured it (not what was imposed).</param>
/// <param name="RebalanceTime">Eager: what one rebalance stopped, seconds.</param>
/// <param name="RestartReplay">Events re-sent to the bank per restarted instance.</param>
public sealed record CalibratedMechanisms(
    MeasuredValue? BackloggedCalls,
    double BackloggedSeconds,
    MeasuredValue? PerCall,
    MeasuredValue? CallOverhead,
    MeasuredValue? EffectiveBudget,
    MeasuredValue? RestartTime,
    MeasuredValue? RebalanceTime,
    MeasuredValue? RestartReplay);
