using System.Globalization;

namespace LagLab.Monitor.Alerting.PromQl;

/// <summary>
/// Recursive-descent parser for the PromQL subset the rule file uses. Precedence, lowest first:
/// <c>or</c>; <c>and</c>/<c>unless</c>; comparisons; then numbers, selectors, aggregations and parentheses.
/// Everything else (functions, arithmetic, range selectors, <c>bool</c>, <c>group_right</c>) is refused
/// with the position it starts at, so a rule the engine cannot evaluate fails at load, not silently.
/// </summary>
internal sealed class Parser
{
    private static readonly Dictionary<string, AggregateOp> Aggregations = new(StringComparer.Ordinal)
    {
        ["sum"] = AggregateOp.Sum,
        ["max"] = AggregateOp.Max,
        ["min"] = AggregateOp.Min,
        ["avg"] = AggregateOp.Avg,
        ["count"] = AggregateOp.Count,
    };

    private readonly List<Token> _tokens;
    private int _next;

    private Parser(string text) => _tokens = Lexer.Tokenize(text);

    public static Expr Parse(string text)
    {
        var parser = new Parser(text);
        var expr = parser.ParseOr();
        var end = parser.Peek;
        if (end.Kind != TokenKind.End)
        {
            throw new PromQlException($"unexpected '{end.Text}'", end.Position);
        }
        return expr;
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private Expr ParseOr()
    {
        var left = ParseAndUnless();
        while (IsKeyword(Peek, "or"))
        {
            var op = Take();
            left = MakeBinary(BinaryOp.Or, left, op, ParseMatching(op, setOperation: true), ParseAndUnless());
        }
        return left;
    }

    private Expr ParseAndUnless()
    {
        var left = ParseComparison();
        while (IsKeyword(Peek, "and") || IsKeyword(Peek, "unless"))
        {
            var op = Take();
            var kind = op.Text == "and" ? BinaryOp.And : BinaryOp.Unless;
            left = MakeBinary(kind, left, op, ParseMatching(op, setOperation: true), ParseComparison());
        }
        return left;
    }

    private Expr ParseComparison()
    {
        var left = ParseUnary();
        while (ComparisonOf(Peek.Kind) is { } kind)
        {
            var op = Take();
            if (IsKeyword(Peek, "bool"))
            {
                throw new PromQlException("the 'bool' modifier is not supported", Peek.Position);
            }
            left = MakeBinary(kind, left, op, ParseMatching(op, setOperation: false), ParseUnary());
        }
        if (Peek.Kind == TokenKind.Arithmetic)
        {
            throw new PromQlException($"arithmetic ('{Peek.Text}') is not supported", Peek.Position);
        }
        return left;
    }

    private static BinaryExpr MakeBinary(BinaryOp op, Expr left, Token token, VectorMatching? matching, Expr right)
    {
        var setOperation = op is BinaryOp.And or BinaryOp.Unless or BinaryOp.Or;
        if ((left is NumberLiteral || right is NumberLiteral) && (setOperation || matching is not null || (left is NumberLiteral && right is NumberLiteral)))
        {
            throw new PromQlException(
                setOperation ? $"'{token.Text}' needs vectors on both sides" : $"'{token.Text}' between two numbers needs 'bool', which is not supported",
                token.Position);
        }
        return new BinaryExpr(op, left, right, matching, token.Position);
    }

    private VectorMatching? ParseMatching(Token op, bool setOperation)
    {
        if (!IsKeyword(Peek, "on") && !IsKeyword(Peek, "ignoring"))
        {
            if (IsKeyword(Peek, "group_left") || IsKeyword(Peek, "group_right"))
            {
                throw new PromQlException($"'{Peek.Text}' needs on(...) or ignoring(...) before it", Peek.Position);
            }
            return null;
        }
        var on = Take().Text == "on";
        var labels = ParseLabelList();
        var groupLeft = false;
        IReadOnlyList<string> include = [];
        if (IsKeyword(Peek, "group_right"))
        {
            throw new PromQlException("'group_right' is not supported; swap the sides and use group_left", Peek.Position);
        }
        if (IsKeyword(Peek, "group_left"))
        {
            if (setOperation)
            {
                throw new PromQlException($"'group_left' cannot be used with '{op.Text}'", Peek.Position);
            }
            Take();
            groupLeft = true;
            if (Peek.Kind == TokenKind.LeftParen)
            {
                include = ParseLabelList();
            }
        }
        return new VectorMatching(on, labels, groupLeft, include);
    }

    private Expr ParseUnary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Take();
                return new NumberLiteral(Number(token), token.Position);
            case TokenKind.Arithmetic when token.Text == "-" && _tokens[_next + 1].Kind == TokenKind.Number:
                Take();
                return new NumberLiteral(-Number(Take()), token.Position);
            case TokenKind.LeftParen:
                Take();
                var inner = ParseOr();
                Expect(TokenKind.RightParen, "')'");
                return inner;
            case TokenKind.LeftBrace:
                return ParseSelector(null, token.Position);
            case TokenKind.Identifier when Aggregations.TryGetValue(token.Text, out var aggregate):
                Take();
                return ParseAggregation(aggregate, token);
            case TokenKind.Identifier:
                Take();
                if (Peek.Kind == TokenKind.LeftParen)
                {
                    throw new PromQlException($"function '{token.Text}' is not supported", token.Position);
                }
                return ParseSelector(token.Text, token.Position);
            default:
                throw new PromQlException(token.Kind == TokenKind.End ? "unexpected end of expression" : $"unexpected '{token.Text}'", token.Position);
        }
    }

    private AggregateExpr ParseAggregation(AggregateOp op, Token token)
    {
        IReadOnlyList<string> grouping = [];
        var without = false;
        var hasGrouping = false;
        if (IsKeyword(Peek, "by") || IsKeyword(Peek, "without"))
        {
            without = Take().Text == "without";
            grouping = ParseLabelList();
            hasGrouping = true;
        }
        Expect(TokenKind.LeftParen, $"'(' after '{token.Text}'");
        var inner = ParseOr();
        if (Peek.Kind == TokenKind.Comma)
        {
            throw new PromQlException($"'{token.Text}' takes one argument", Peek.Position);
        }
        Expect(TokenKind.RightParen, "')'");
        if (!hasGrouping && (IsKeyword(Peek, "by") || IsKeyword(Peek, "without")))
        {
            without = Take().Text == "without";
            grouping = ParseLabelList();
        }
        if (inner is NumberLiteral)
        {
            throw new PromQlException($"'{token.Text}' needs a vector", inner.Position);
        }
        return new AggregateExpr(op, grouping, without, inner, token.Position);
    }

    private VectorSelector ParseSelector(string? name, int position)
    {
        var matchers = new List<LabelMatcher>();
        if (Peek.Kind == TokenKind.LeftBrace)
        {
            Take();
            while (Peek.Kind != TokenKind.RightBrace)
            {
                var label = Expect(TokenKind.Identifier, "a label name");
                var op = Take();
                var matchOp = op.Kind switch
                {
                    TokenKind.Equal => MatchOp.Equal,
                    TokenKind.NotEqual => MatchOp.NotEqual,
                    TokenKind.RegexMatch => MatchOp.Regex,
                    TokenKind.RegexNoMatch => MatchOp.NotRegex,
                    _ => throw new PromQlException($"expected =, !=, =~ or !~ after '{label.Text}'", op.Position),
                };
                var value = Expect(TokenKind.String, "a quoted label value");
                matchers.Add(new LabelMatcher(label.Text, matchOp, value.Text, value.Position));
                if (Peek.Kind != TokenKind.Comma)
                {
                    break;
                }
                Take();
            }
            Expect(TokenKind.RightBrace, "'}'");
        }
        if (Peek.Kind == TokenKind.LeftBracket)
        {
            throw new PromQlException("range selectors are not supported", Peek.Position);
        }
        if (IsKeyword(Peek, "offset"))
        {
            throw new PromQlException("'offset' is not supported", Peek.Position);
        }
        if (name is null && matchers.Count == 0)
        {
            throw new PromQlException("a selector needs a metric name or at least one matcher", position);
        }
        return new VectorSelector(name, matchers, position);
    }

    private List<string> ParseLabelList()
    {
        Expect(TokenKind.LeftParen, "'('");
        var labels = new List<string>();
        while (Peek.Kind == TokenKind.Identifier)
        {
            labels.Add(Take().Text);
            if (Peek.Kind != TokenKind.Comma)
            {
                break;
            }
            Take();
        }
        Expect(TokenKind.RightParen, "')' after the label list");
        return labels;
    }

    private static double Number(Token token) =>
        double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new PromQlException($"'{token.Text}' is not a number (durations are not supported)", token.Position);

    private Token Expect(TokenKind kind, string what)
    {
        var token = Peek;
        if (token.Kind != kind)
        {
            throw new PromQlException(token.Kind == TokenKind.End ? $"expected {what} before the end" : $"expected {what}, found '{token.Text}'", token.Position);
        }
        return Take();
    }

    private static bool IsKeyword(Token token, string keyword) =>
        token.Kind == TokenKind.Identifier && string.Equals(token.Text, keyword, StringComparison.OrdinalIgnoreCase);

    private static BinaryOp? ComparisonOf(TokenKind kind) => kind switch
    {
        TokenKind.Greater => BinaryOp.Greater,
        TokenKind.Less => BinaryOp.Less,
        TokenKind.GreaterOrEqual => BinaryOp.GreaterOrEqual,
        TokenKind.LessOrEqual => BinaryOp.LessOrEqual,
        TokenKind.DoubleEqual => BinaryOp.Equal,
        TokenKind.NotEqual => BinaryOp.NotEqual,
        _ => null,
    };
}
