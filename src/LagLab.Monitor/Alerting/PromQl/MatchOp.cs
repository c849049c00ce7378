namespace LagLab.Monitor.Alerting.PromQl;

internal enum MatchOp
{
    Equal,
    NotEqual,
    Regex,
    NotRegex,
}
