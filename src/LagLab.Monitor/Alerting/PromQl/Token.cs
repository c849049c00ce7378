namespace LagLab.Monitor.Alerting.PromQl;

internal readonly record struct Token(TokenKind Kind, string Text, int Position);
