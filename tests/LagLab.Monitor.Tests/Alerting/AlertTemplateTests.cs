using LagLab.Monitor.Alerting;
using LagLab.Monitor.Exposition;

namespace LagLab.Monitor.Tests.Alerting;

public sealed class AlertTemplateTests
{
    [Fact]
    public void Render_LabelsAndValue_AreSubstituted()
    {
        var template = AlertTemplate.Parse("{{ $labels.group }} on {{$labels.topic}}: {{ $value }} ({{ .Labels.missing }})");

        var text = template.Render(LabelSet.Of(("group", "recon"), ("topic", "events")), 1500);

        Assert.Equal("recon on events: 1500 ()", text);
    }

    [Theory]
    [InlineData("{{ $value | humanize }}")]
    [InlineData("{{ printf \"%.0f\" $value }}")]
    [InlineData("{{ $labels. }}")]
    [InlineData("open {{ $value")]
    public void Parse_UnsupportedAction_Throws(string source)
    {
        Assert.Throws<FormatException>(() => AlertTemplate.Parse(source));
    }
}
