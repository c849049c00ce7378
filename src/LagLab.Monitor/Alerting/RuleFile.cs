namespace LagLab.Monitor.Alerting;

/// <summary>The alerting rules of one Prometheus rule file, in file order.</summary>
internal sealed record RuleFile(string Path, IReadOnlyList<AlertRule> Rules)
{
    /// <summary>
    /// The numbers offset-lag alerts compare <c>kafka_consumer_lag</c> with (from rules such as
    /// <c>kafka_consumer_lag &gt; 1000</c>), for the time-to-breach predictions.
    /// </summary>
    public IReadOnlyList<double> LagThresholds() =>
        Rules.Select(r => r.Expression)
            .OfType<PromQl.BinaryExpr>()
            .Where(b => b.Op is PromQl.BinaryOp.Greater or PromQl.BinaryOp.GreaterOrEqual
                && b.Left is PromQl.VectorSelector { Name: "kafka_consumer_lag" }
                && b.Right is PromQl.NumberLiteral)
            .Select(b => ((PromQl.NumberLiteral)b.Right).Value)
            .Distinct()
            .Order()
            .ToList();
}
