using LagLab.Monitor.Alerting.PromQl;
using LagLab.Monitor.Exposition;

namespace LagLab.Monitor.Tests.Alerting.PromQl;

public sealed class EvaluatorTests
{
    private static Sample S(string name, double value, params (string, string)[] labels) =>
        new(LabelSet.Of([(LabelSet.MetricName, name), .. labels]), value);

    private static readonly Sample[] Source =
    [
        S("kafka_consumer_lag", 1500, ("group", "a"), ("topic", "t"), ("partition", "0")),
        S("kafka_consumer_lag", 20, ("group", "a"), ("topic", "t"), ("partition", "1")),
        S("kafka_consumer_lag", 12000, ("group", "b"), ("topic", "t"), ("partition", "0")),
        S("kafka_consumer_committed_offset", 5, ("group", "a"), ("topic", "t"), ("partition", "0")),
        S("kafka_consumer_committed_offset", 50, ("group", "b"), ("topic", "t"), ("partition", "0")),
        S("kafka_partition_earliest_offset", 10, ("topic", "t"), ("partition", "0")),
        S("kafka_consumergroup_status", 1, ("group", "a"), ("status", "stopped")),
        S("kafka_consumergroup_status", 0, ("group", "b"), ("status", "stopped")),
    ];

    private static IReadOnlyList<Sample> Eval(string expr) => Evaluator.Evaluate(Parser.Parse(expr), Source);

    private static IEnumerable<string> Groups(IReadOnlyList<Sample> result) => result.Select(s => s.Labels.Get("group") + "/" + s.Labels.Get("partition"));

    [Fact]
    public void Comparison_WithScalar_FiltersAndKeepsValueAndLabels()
    {
        var result = Eval("kafka_consumer_lag > 1000");

        Assert.Equal(["a/0", "b/0"], Groups(result));
        Assert.Equal([1500.0, 12000.0], result.Select(s => s.Value));
        Assert.Equal("kafka_consumer_lag", result[0].Labels.Get(LabelSet.MetricName));
    }

    [Fact]
    public void Comparison_ScalarOnTheLeft_KeepsVectorValue()
    {
        Assert.Equal([20.0], Eval("1000 > kafka_consumer_lag").Select(s => s.Value));
    }

    [Theory]
    [InlineData("kafka_consumer_lag{group=\"a\"}", 2)]
    [InlineData("kafka_consumer_lag{group!=\"a\"}", 1)]
    [InlineData("kafka_consumer_lag{group=~\"a|b\",partition=\"0\"}", 2)]
    [InlineData("kafka_consumer_lag{group!~\"b\"}", 2)]
    [InlineData("kafka_consumer_lag{group=~\"\"}", 0)]
    [InlineData("{__name__=~\"kafka_consumer_.*\",group=\"b\"}", 2)]
    [InlineData("kafka_consumergroup_status{status=\"stopped\"} == 1", 1)]
    [InlineData("kafka_consumer_lag >= 1500", 2)]
    [InlineData("kafka_consumer_lag != 20", 2)]
    [InlineData("kafka_consumer_lag <= 20", 1)]
    public void Selector_Matchers_SelectSeries(string expr, int count)
    {
        Assert.Equal(count, Eval(expr).Count);
    }

    [Fact]
    public void VectorComparison_OnGroupLeft_MatchesManyToOneAndKeepsLeftLabels()
    {
        var result = Eval("kafka_consumer_committed_offset < on(topic, partition) group_left kafka_partition_earliest_offset");

        var loss = Assert.Single(result);
        Assert.Equal("a", loss.Labels.Get("group"));
        Assert.Equal(5, loss.Value);
    }

    [Fact]
    public void VectorComparison_ManyToOneWithoutGroupLeft_IsAnError()
    {
        Assert.Throws<PromQlException>(() => Eval("kafka_consumer_committed_offset < on(topic, partition) kafka_partition_earliest_offset"));
    }

    [Fact]
    public void VectorComparison_OneToOneOn_KeepsOnlyMatchingLabels()
    {
        var result = Eval("kafka_consumer_lag{partition=\"0\"} > on(group) kafka_consumer_committed_offset");

        Assert.Equal(2, result.Count);
        Assert.All(result, s => Assert.Equal(["group"], s.Labels.Pairs.Select(p => p.Key)));
    }

    [Fact]
    public void SetOperations_AndUnlessOr_FollowSignatures()
    {
        Assert.Equal(["a/0"], Groups(Eval("kafka_consumer_lag > 1000 and on(group) kafka_consumergroup_status == 1")));
        Assert.Equal(["b/0"], Groups(Eval("kafka_consumer_lag > 1000 unless on(group) kafka_consumergroup_status == 1")));
        Assert.Equal(3, Eval("kafka_consumer_lag > 10000 or kafka_consumer_lag < 100 or kafka_consumer_lag > 1000").Count);
    }

    [Fact]
    public void Aggregation_ByLabels_SumsMaxesAndCounts()
    {
        var sum = Eval("sum by (group) (kafka_consumer_lag)");
        var max = Eval("max(kafka_consumer_lag) by (topic)");
        var count = Eval("count without (partition, group) (kafka_consumer_lag)");

        Assert.Equal([1520.0, 12000.0], sum.Select(s => s.Value));
        Assert.Equal(["group"], sum[0].Labels.Pairs.Select(p => p.Key));
        Assert.Equal(12000, Assert.Single(max).Value);
        Assert.Equal(3, Assert.Single(count).Value);
        Assert.Single(Assert.Single(Eval("max by (group) (kafka_consumer_lag) > 10000")).Labels.Pairs);
        Assert.Equal(760, Eval("avg by (group) (kafka_consumer_lag)")[0].Value);
        Assert.Equal(20, Eval("min by (group) (kafka_consumer_lag)")[0].Value);
    }

    [Fact]
    public void Parenthesised_Expression_Evaluates()
    {
        Assert.Single(Eval("(kafka_consumer_lag > 1000) > 10000"));
    }
}
