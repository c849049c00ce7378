namespace LagLab.Monitor.Alerting.PromQl;

/// <summary><c>name{matchers}</c>; the name, when given, is one more equality matcher on <c>__name__</c>.</summary>
internal sealed record VectorSelector(string? Name, IReadOnlyList<LabelMatcher> Matchers, int Position) : Expr(Position);
