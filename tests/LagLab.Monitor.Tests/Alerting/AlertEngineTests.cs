using LagLab.Monitor.Alerting;
using LagLab.Monitor.Exposition;

namespace LagLab.Monitor.Tests.Alerting;

public sealed class AlertEngineTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Sample Lag(double value, string partition = "0") =>
        new(LabelSet.Of((LabelSet.MetricName, "kafka_consumer_lag"), ("group", "recon"), ("topic", "events"), ("partition", partition)), value);

    private static AlertEngine ShippedEngine(TimeSpan? forOverride = null) => new(RuleFileLoader.Load(ShippedFiles.RuleFile), forOverride);

    private static List<AlertView> Named(AlertEngine engine, string name) => engine.Alerts().Where(a => a.Name == name).ToList();

    [Fact]
    public void Evaluate_LagAboveWarningThreshold_PendingThenFiringAfterFiveMinutes()
    {
        var engine = ShippedEngine();

        engine.Evaluate([Lag(1500)], T0);
        var pending = Assert.Single(Named(engine, "KafkaConsumerLagWarning"));
        engine.Evaluate([Lag(1600)], T0.AddMinutes(4).AddSeconds(59));
        var stillPending = Assert.Single(Named(engine, "KafkaConsumerLagWarning"));
        engine.Evaluate([Lag(1700)], T0.AddMinutes(5));
        var firing = Assert.Single(Named(engine, "KafkaConsumerLagWarning"));

        Assert.Equal(AlertState.Pending, pending.State);
        Assert.Equal(AlertState.Pending, stillPending.State);
        Assert.Equal(AlertState.Firing, firing.State);
        Assert.Equal(T0, firing.ActiveAt);
        Assert.Equal("warning", firing.Labels["severity"]);
        Assert.Equal("recon", firing.Labels["group"]);
        Assert.Equal("KafkaConsumerLagWarning", firing.Labels["alertname"]);
        Assert.False(firing.Labels.ContainsKey("__name__"));
        Assert.Equal("Lag is 1700 messages, above 1000 for 5 minutes.", firing.Annotations["description"]);
        Assert.Empty(Named(engine, "KafkaConsumerLagCritical"));
    }

    [Fact]
    public void Evaluate_ExactlyAtThreshold_DoesNotAlert()
    {
        var engine = ShippedEngine();

        engine.Evaluate([Lag(1000)], T0);

        Assert.Empty(engine.Alerts());
    }

    [Fact]
    public void Evaluate_PendingAlertGone_IsDroppedAndRestartsLater()
    {
        var engine = ShippedEngine();
        engine.Evaluate([Lag(1500)], T0);
        engine.Evaluate([Lag(500)], T0.AddMinutes(3));
        engine.Evaluate([Lag(1500)], T0.AddMinutes(4));

        engine.Evaluate([Lag(1500)], T0.AddMinutes(8));

        var alert = Assert.Single(Named(engine, "KafkaConsumerLagWarning"));
        Assert.Equal(AlertState.Pending, alert.State);
        Assert.Equal(T0.AddMinutes(4), alert.ActiveAt);
    }

    [Fact]
    public void Evaluate_FiringAlertGone_ResolvesAndIsForgottenAfterRetention()
    {
        var engine = ShippedEngine();
        engine.Evaluate([Lag(20000)], T0);
        engine.Evaluate([Lag(20000)], T0.AddMinutes(5));

        engine.Evaluate([Lag(0)], T0.AddMinutes(6));
        var resolved = Named(engine, "KafkaConsumerLagCritical");
        engine.Evaluate([Lag(0)], T0.AddMinutes(6) + AlertEngine.ResolvedRetention + TimeSpan.FromSeconds(1));

        Assert.Equal(AlertState.Resolved, Assert.Single(resolved).State);
        Assert.Equal(T0.AddMinutes(6), resolved[0].ResolvedAt);
        Assert.Empty(engine.Alerts());
    }

    [Fact]
    public void Evaluate_ForOverride_ShortensNonZeroFor()
    {
        var engine = ShippedEngine(TimeSpan.FromSeconds(2));
        engine.Evaluate([Lag(1500)], T0);

        engine.Evaluate([Lag(1500)], T0.AddSeconds(2));

        Assert.Equal(AlertState.Firing, Assert.Single(Named(engine, "KafkaConsumerLagWarning")).State);
    }

    [Fact]
    public void Evaluate_ZeroFor_FiresImmediately()
    {
        var engine = ShippedEngine();
        Sample[] samples =
        [
            new(LabelSet.Of((LabelSet.MetricName, "kafka_consumer_committed_offset"), ("group", "g"), ("topic", "t"), ("partition", "0")), 5),
            new(LabelSet.Of((LabelSet.MetricName, "kafka_partition_earliest_offset"), ("topic", "t"), ("partition", "0")), 10),
        ];

        engine.Evaluate(samples, T0);

        var alert = Assert.Single(Named(engine, "KafkaConsumerDataLoss"));
        Assert.Equal(AlertState.Firing, alert.State);
        Assert.Equal("Committed offset 5 is below the log start offset.", alert.Annotations["description"]);
    }

    [Fact]
    public void Evaluate_SeveralPartitions_OneAlertEach()
    {
        var engine = ShippedEngine();

        engine.Evaluate([Lag(1500, "0"), Lag(2500, "1"), Lag(10, "2")], T0);

        Assert.Equal(["0", "1"], Named(engine, "KafkaConsumerLagWarning").Select(a => a.Labels["partition"]));
    }
}
