namespace LagLab.Monitor.Alerting.PromQl;

/// <summary><c>op by (labels) (inner)</c> or <c>op without (labels) (inner)</c>.</summary>
internal sealed record AggregateExpr(AggregateOp Op, IReadOnlyList<string> Grouping, bool Without, Expr Inner, int Position) : Expr(Position);
