namespace LagLab.Monitor.Alerting.PromQl;

internal enum BinaryOp
{
    Greater,
    Less,
    GreaterOrEqual,
    LessOrEqual,
    Equal,
    NotEqual,
    And,
    Unless,
    Or,
}
