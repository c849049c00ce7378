namespace LagLab.Monitor.Alerting.PromQl;

internal enum TokenKind
{
    End,
    Identifier,
    Number,
    String,
    LeftBrace,
    RightBrace,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Equal,
    NotEqual,
    RegexMatch,
    RegexNoMatch,
    Greater,
    Less,
    GreaterOrEqual,
    LessOrEqual,
    DoubleEqual,
    Arithmetic,
}
