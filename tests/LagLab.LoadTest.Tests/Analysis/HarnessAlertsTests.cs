using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Tests.Analysis;

public sealed class HarnessAlertsTests
{
    private static List<LagSample> Lags(params long[] lagPerSecond) =>
        [.. lagPerSecond.Select((lag, t) => new LagSample(t, [lag], [0], [lag], [0], "Stable", 1))];

    [Fact]
    public void Evaluate_AboveForTheWholeFor_FiresAtForAfterItBecameActive()
    {
        var alerts = HarnessAlerts.Evaluate(Lags(0, 600, 700, 800, 900, 100), warning: 500, critical: 5000, forSeconds: 2);

        var alert = Assert.Single(alerts);
        Assert.Equal("warning", alert.Severity);
        Assert.Equal(1, alert.ActiveAt);
        Assert.Equal(3, alert.FiredAt);
        Assert.Equal(5, alert.ResolvedAt);
        Assert.Equal("harness", alert.Source);
    }

    [Fact]
    public void Evaluate_AboveForLessThanFor_NeverFires() =>
        Assert.Empty(HarnessAlerts.Evaluate(Lags(0, 600, 700, 100, 600, 100), warning: 500, critical: 5000, forSeconds: 2));

    [Fact]
    public void Evaluate_ThresholdItself_IsNotAbove() =>
        Assert.Empty(HarnessAlerts.Evaluate(Lags(500, 500, 500, 500), warning: 500, critical: 5000, forSeconds: 1));

    [Fact]
    public void Highest_CriticalAndWarningFired_IsCritical()
    {
        AlertRecord[] alerts =
        [
            new("w", "warning", "p0", 0, 1, null, "monitor"),
            new("c", "critical", "p0", 0, 2, null, "monitor"),
            new("c2", "critical", "p1", 0, null, null, "monitor"),
        ];

        Assert.Equal("critical", HarnessAlerts.Highest(alerts));
        Assert.Equal("warning", HarnessAlerts.Highest(alerts.Take(1)));
        Assert.Equal("none", HarnessAlerts.Highest(alerts.Skip(2)));
    }
}
