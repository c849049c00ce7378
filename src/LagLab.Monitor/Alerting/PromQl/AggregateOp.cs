namespace LagLab.Monitor.Alerting.PromQl;

internal enum AggregateOp
{
    Sum,
    Max,
    Min,
    Avg,
    Count,
}
