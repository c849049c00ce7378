using System.Text;

namespace LagLab.Monitor.Alerting.PromQl;

/// <summary>Splits an expression into tokens; anything it does not know is an error at its position.</summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
                continue;
            }
            var start = i;
            if (char.IsLetter(c) || c is '_' or ':')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or ':'))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start));
                continue;
            }
            if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '.' or '+' or '-') && !EndsNumber(text, start, i))
                {
                    i++;
                }
                // Validated by the parser, so a duration inside a range selector is reported as the selector.
                tokens.Add(new Token(TokenKind.Number, text[start..i], start));
                continue;
            }
            if (c is '"' or '\'')
            {
                tokens.Add(new Token(TokenKind.String, ReadString(text, ref i), start));
                continue;
            }
            var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
            var kind = two switch
            {
                "!=" => TokenKind.NotEqual,
                "=~" => TokenKind.RegexMatch,
                "!~" => TokenKind.RegexNoMatch,
                ">=" => TokenKind.GreaterOrEqual,
                "<=" => TokenKind.LessOrEqual,
                "==" => TokenKind.DoubleEqual,
                _ => (TokenKind?)null,
            };
            if (kind is { } pair)
            {
                tokens.Add(new Token(pair, two, start));
                i += 2;
                continue;
            }
            tokens.Add(new Token(c switch
            {
                '{' => TokenKind.LeftBrace,
                '}' => TokenKind.RightBrace,
                '(' => TokenKind.LeftParen,
                ')' => TokenKind.RightParen,
                '[' => TokenKind.LeftBracket,
                ']' => TokenKind.RightBracket,
                ',' => TokenKind.Comma,
                '=' => TokenKind.Equal,
                '>' => TokenKind.Greater,
                '<' => TokenKind.Less,
                '+' or '-' or '*' or '/' or '%' or '^' => TokenKind.Arithmetic,
                _ => throw new PromQlException($"unexpected character '{c}'", start),
            }, c.ToString(), start));
            i++;
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    // A sign belongs to a number only right after an exponent marker (1e+3).
    private static bool EndsNumber(string text, int start, int i) =>
        text[i] is '+' or '-' && !(i > start && text[i - 1] is 'e' or 'E');

    private static string ReadString(string text, ref int i)
    {
        var quote = text[i];
        var start = i;
        i++;
        var value = new StringBuilder();
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                value.Append(text[i] switch { 'n' => '\n', 't' => '\t', var other => other });
            }
            else
            {
                value.Append(text[i]);
            }
            i++;
        }
        if (i >= text.Length)
        {
            throw new PromQlException("unterminated string", start);
        }
        i++;
        return value.ToString();
    }
}
