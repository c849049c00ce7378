using LagLab.Scenarios.Tests.Loading;

namespace LagLab.Scenarios.Tests.Calibration;

public sealed class DeprecatedMechanismKeysTests
{
    [Theory]
    [InlineData("call_overhead: 7ms")]
    [InlineData("rebalance_time: 750ms")]
    [InlineData("restart_replay: 0")]
    public void Parse_FittedMechanismKey_LoadsWithAWarningNamingItsLineAndField(string field)
    {
        var s = ScenarioYaml.Parse(ScenarioYaml.Minimal + "\nfleet:\n  instances: 2\n  " + field + "\n");

        var warning = Assert.Single(s.Warnings);
        Assert.Equal("fleet." + field[..field.IndexOf(':', StringComparison.Ordinal)], warning.Path);
        Assert.Equal(6, warning.Line);
        Assert.Contains("deprecated", warning.Message, StringComparison.Ordinal);
        Assert.Contains("laglab calibrate", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RestartTime_IsAnImposedInput_NotWarned()
    {
        var s = ScenarioYaml.Parse(ScenarioYaml.Minimal + "\nfleet:\n  restart_time: 10s\n");

        Assert.Empty(s.Warnings);
    }

    [Fact]
    public void BuiltIns_CarryNoFittedMechanisms()
    {
        foreach (var name in ScenarioLoader.BuiltInNames)
        {
            Assert.Empty(ScenarioLoader.LoadBuiltIn(name).Warnings);
        }
    }
}
