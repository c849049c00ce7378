using System.Text.Json;
using LagLab.LoadTest.Parts;

namespace LagLab.LoadTest.Tests.Parts;

public sealed class MonitorAlertTests
{
    [Fact]
    public void ParseList_MonitorShape_ReadsNameStateSeverityAndTimes()
    {
        using var json = JsonDocument.Parse("""
            {"alerts":[{"name":"KafkaConsumerLagWarning","state":"firing","labels":{"severity":"warning","partition":"2","topic":"t"},
              "annotations":{},"value":1500,"activeAt":"2025-01-01T00:00:01Z","firedAt":"2025-01-01T00:00:02Z","resolvedAt":null}],"rules":2}
            """);

        var alert = Assert.Single(MonitorAlert.ParseList(json.RootElement));

        Assert.Equal("KafkaConsumerLagWarning", alert.Name);
        Assert.Equal("firing", alert.State);
        Assert.Equal("warning", alert.Severity);
        Assert.Equal(1500, alert.Value);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 2, TimeSpan.Zero), alert.FiredAt);
        Assert.Null(alert.ResolvedAt);
    }

    [Fact]
    public void ParseList_BareArrayWithNumericState_IsRead()
    {
        using var json = JsonDocument.Parse("""[{"Name":"X","State":2,"Labels":{"severity":"critical"}}]""");

        var alert = Assert.Single(MonitorAlert.ParseList(json.RootElement));

        Assert.Equal("resolved", alert.State);
        Assert.Equal("critical", alert.Severity);
    }

    [Fact]
    public void ParseList_NotAList_SaysWhatItGot()
    {
        using var json = JsonDocument.Parse("42");

        var error = Assert.Throws<FormatException>(() => MonitorAlert.ParseList(json.RootElement));
        Assert.Contains("Number", error.Message, StringComparison.Ordinal);
    }
}
