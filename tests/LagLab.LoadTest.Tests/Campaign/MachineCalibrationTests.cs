using LagLab.LoadTest.Campaign;
using LagLab.Scenarios;
using LagLab.Testing;

namespace LagLab.LoadTest.Tests.Campaign;

/// <summary>The <c>--calibration</c> hook: the file's mechanism inputs replace the scenario's in the forecast's copy; bad files name the field.</summary>
public sealed class MachineCalibrationTests
{
    [Fact]
    public void Apply_BlockingEagerScenario_TakesTheBlockingAndEagerValues()
    {
        var scenario = ScenarioGenerator.Generate(1).Scenario;
        scenario = scenario with { Fleet = scenario.Fleet with { Processing = ProcessingMode.Blocking, Buffer = BufferMode.None, Assignor = Assignor.Range, ReplacementTime = TimeSpan.FromSeconds(2) } };
        var calibration = new MachineCalibration
        {
            CallOverheadBlocking = TimeSpan.FromMilliseconds(16),
            CallOverheadConcurrent = TimeSpan.FromMilliseconds(3),
            RestartExtra = TimeSpan.FromSeconds(4),
            RebalanceTimeEager = TimeSpan.FromSeconds(1),
            RebalanceTimeCooperative = TimeSpan.FromSeconds(9),
            RestartReplay = 5,
        };

        var fleet = calibration.Apply(scenario).Fleet;

        Assert.Equal(TimeSpan.FromMilliseconds(16), fleet.CallOverhead);
        Assert.Equal(TimeSpan.FromSeconds(6), fleet.RestartTime); // the imposed 2 s replacement plus the 4 s measured on top
        Assert.Equal(TimeSpan.FromSeconds(1), fleet.RebalanceTime);
        Assert.Equal(5, fleet.RestartReplay);
    }

    [Fact]
    public void Load_EveryField_Read()
    {
        using var directory = new TemporaryDirectory();
        var file = Path.Combine(directory.Path, "calibration.json");
        File.WriteAllText(file, """{ "source": "quiet host", "call_overhead_blocking": "8ms", "restart_extra": "4.5s", "restart_replay": 0 }""");

        var calibration = MachineCalibration.Load(file);

        Assert.Equal("quiet host", calibration.Source);
        Assert.Equal(TimeSpan.FromMilliseconds(8), calibration.CallOverheadBlocking);
        Assert.Equal(TimeSpan.FromSeconds(4.5), calibration.RestartExtra);
        Assert.Null(calibration.CallOverheadConcurrent);
        Assert.Equal(0, calibration.RestartReplay);
    }

    [Theory]
    [InlineData("""{ "call_overhead": "8ms" }""", "unknown field \"call_overhead\"")]
    [InlineData("""{ "restart_extra": "4" }""", "restart_extra: missing unit")]
    [InlineData("""{ "restart_extra": 4 }""", "restart_extra: expected a duration")]
    [InlineData("""{ "restart_replay": -1 }""", "restart_replay: expected a whole number")]
    [InlineData("""[1]""", "expected a JSON object")]
    [InlineData("""{ "restart_extra": """, "calibration.json")]
    public void Load_BadFile_NamesTheField(string json, string expected)
    {
        using var directory = new TemporaryDirectory();
        var file = Path.Combine(directory.Path, "calibration.json");
        File.WriteAllText(file, json);

        var error = Assert.Throws<ArgumentException>(() => MachineCalibration.Load(file));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
