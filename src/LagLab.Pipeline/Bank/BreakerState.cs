namespace LagLab.Pipeline.Bank;

/// <summary>The breaker's state as exported (<c>laglab_pipeline_breaker_state</c>: 0 closed, 1 open, 2 half-open).</summary>
internal enum BreakerState
{
    Closed = 0,
    Open = 1,
    HalfOpen = 2,
}
