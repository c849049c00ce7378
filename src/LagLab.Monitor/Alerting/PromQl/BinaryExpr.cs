namespace LagLab.Monitor.Alerting.PromQl;

internal sealed record BinaryExpr(BinaryOp Op, Expr Left, Expr Right, VectorMatching? Matching, int Position) : Expr(Position)
{
    public bool IsComparison => Op is not (BinaryOp.And or BinaryOp.Unless or BinaryOp.Or);
}
