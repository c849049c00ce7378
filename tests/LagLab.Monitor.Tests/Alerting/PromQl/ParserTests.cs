using LagLab.Monitor.Alerting.PromQl;

namespace LagLab.Monitor.Tests.Alerting.PromQl;

public sealed class ParserTests
{
    [Theory]
    [InlineData("rate(kafka_consumer_lag[5m]) > 0", "function 'rate'", 0)]
    [InlineData("kafka_consumer_lag[5m]", "range selectors", 18)]
    [InlineData("kafka_consumer_lag * 2 > 0", "arithmetic", 19)]
    [InlineData("kafka_consumer_lag > bool 5", "bool", 21)]
    [InlineData("1 > 2", "needs 'bool'", 2)]
    [InlineData("kafka_consumer_lag and 5", "vectors on both sides", 19)]
    [InlineData("a < on(x) group_right b", "group_right", 10)]
    [InlineData("a < group_left b", "needs on(...)", 4)]
    [InlineData("kafka_consumer_lag{group=~\"(\"} > 1", "invalid regular expression", 26)]
    [InlineData("kafka_consumer_lag{group=a}", "quoted label value", 25)]
    [InlineData("kafka_consumer_lag >", "unexpected end", 20)]
    [InlineData("kafka_consumer_lag offset 5m", "'offset'", 19)]
    [InlineData("{}", "metric name or at least one matcher", 0)]
    [InlineData("sum(a, b)", "one argument", 5)]
    [InlineData("a > 1 )", "unexpected ')'", 6)]
    [InlineData("a > 5m", "not a number", 4)]
    public void Parse_OutsideTheSubset_ThrowsWithPosition(string expr, string message, int position)
    {
        var error = Assert.Throws<PromQlException>(() => Parser.Parse(expr));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Parse_Comparison_BuildsSelectorAndNumber()
    {
        var expr = Assert.IsType<BinaryExpr>(Parser.Parse("kafka_consumer_lag{group=\"a\"} > 1e3"));

        Assert.Equal(BinaryOp.Greater, expr.Op);
        Assert.Equal("kafka_consumer_lag", Assert.IsType<VectorSelector>(expr.Left).Name);
        Assert.Equal(1000, Assert.IsType<NumberLiteral>(expr.Right).Value);
    }

    [Fact]
    public void Parse_AndBindsTighterThanOr()
    {
        var expr = Assert.IsType<BinaryExpr>(Parser.Parse("a > 1 or b > 2 and c > 3"));

        Assert.Equal(BinaryOp.Or, expr.Op);
        Assert.Equal(BinaryOp.And, Assert.IsType<BinaryExpr>(expr.Right).Op);
    }
}
