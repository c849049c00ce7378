namespace LagLab.Forecast;

/// <summary>The model's inputs that describe what the system does rather than what the scenario imposes: measured by <c>laglab calibrate</c>.</summary>
public enum MechanismInput
{
    /// <summary>The pipeline's own time per bank call beyond the bank's latency (<c>call_overhead</c>).</summary>
    CallOverhead,

    /// <summary>The share of the client budget (<c>fleet.rate_limit</c>) a concurrent fleet achieves.</summary>
    EffectiveBudget,

    /// <summary>How long an instance is away per restart (the imposed <c>restart_time</c> plus stop, start and join).</summary>
    RestartTime,

    /// <summary>What one rebalance stops (<c>rebalance_time</c>).</summary>
    RebalanceTime,

    /// <summary>Events a restarted instance re-sends (<c>restart_replay</c>).</summary>
    RestartReplay,
}
