namespace LagLab.Monitor.Alerting.PromQl;

internal sealed record NumberLiteral(double Value, int Position) : Expr(Position);
