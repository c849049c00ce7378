namespace LagLab.Scenarios.Tests.Calibration;

public sealed class CalibrationFileTests
{
    private static readonly Scenarios.Calibration Full = new()
    {
        Measured = new CalibrationProvenance(new DateTimeOffset(2026, 12, 2, 16, 40, 5, TimeSpan.Zero), "incident", "external: k1:9092,k2:9092", "local",
            "1.0.0+2349c0b", 90, "laglab calibrate incident: 291/s for 1m30s, \"quoted\" and a \\ backslash"),
        Topology = new CalibrationTopology(3, 2, Assignor.Range, false, ProcessingMode.Blocking, 1, 150, 200, TimeSpan.FromTicks(103_456)),
        Mechanisms = new CalibratedMechanisms(
            new MeasuredValue(114.5, 112.25, 116.125, 2),
            52.5,
            new MeasuredValue(0.017468, 0.017221, 0.017822, 2),
            new MeasuredValue(0.007123),
            new MeasuredValue(195.4),
            new MeasuredValue(11.25, Samples: 2),
            new MeasuredValue(0.75, 0.5, 1.5, 4),
            new MeasuredValue(3)),
    };

    [Fact]
    public void Write_ThenParse_RoundTripsEveryField()
    {
        var back = CalibrationFile.Parse(CalibrationFile.Write(Full), "x.yaml");

        Assert.Equal(Full.Measured, back.Measured);
        Assert.Equal(Full.Topology with { BankMeanLatency = back.Topology.BankMeanLatency }, back.Topology);
        Assert.Equal(Full.Topology.BankMeanLatency.TotalSeconds, back.Topology.BankMeanLatency.TotalSeconds, 6);
        Assert.Equal(Full.Mechanisms.BackloggedCalls, back.Mechanisms.BackloggedCalls);
        Assert.Equal(Full.Mechanisms.BackloggedSeconds, back.Mechanisms.BackloggedSeconds, 6);
        foreach (var (a, b) in new[]
        {
            (Full.Mechanisms.PerCall, back.Mechanisms.PerCall), (Full.Mechanisms.CallOverhead, back.Mechanisms.CallOverhead),
            (Full.Mechanisms.RestartTime, back.Mechanisms.RestartTime), (Full.Mechanisms.RebalanceTime, back.Mechanisms.RebalanceTime),
        })
        {
            Assert.NotNull(b);
            Assert.Equal(a!.Value, b.Value, 6);
            Assert.Equal(a.Low ?? -1, b.Low ?? -1, 6);
            Assert.Equal(a.High ?? -1, b.High ?? -1, 6);
            Assert.Equal(a.Samples, b.Samples);
        }
        Assert.Equal(Full.Mechanisms.EffectiveBudget, back.Mechanisms.EffectiveBudget);
        Assert.Equal(Full.Mechanisms.RestartReplay, back.Mechanisms.RestartReplay);
        Assert.Equal("x.yaml", back.Source);
    }

    [Fact]
    public void Write_ThenParse_LeavesUnmeasuredMechanismsOut()
    {
        var sparse = Full with { Mechanisms = new CalibratedMechanisms(null, 0, null, null, null, null, null, null), Topology = Full.Topology with { RateLimit = null } };

        var text = CalibrationFile.Write(sparse);
        var back = CalibrationFile.Parse(text, "x.yaml");

        Assert.DoesNotContain("restart_time", text, StringComparison.Ordinal);
        Assert.Equal(sparse.Mechanisms, back.Mechanisms);
        Assert.Null(back.Topology.RateLimit);
    }

    [Fact]
    public void Parse_ScalarValues_AreMeasuredOnce()
    {
        var text = CalibrationFile.Write(Full).Replace("  call_overhead: { value: 7.123ms, samples: 1 }", "  call_overhead: 8ms", StringComparison.Ordinal);

        var back = CalibrationFile.Parse(text, "x.yaml");

        Assert.Equal(new MeasuredValue(0.008), back.Mechanisms.CallOverhead);
    }

    [Theory]
    [InlineData("  rebalance_time: { value: 750ms", "  rebalance_tme: { value: 750ms", "mechanisms.rebalance_tme", "unknown field \"rebalance_tme\" (did you mean \"rebalance_time\"?)")]
    [InlineData("  call_overhead: { value: 7.123ms", "  call_overhead: { value: 7", "mechanisms.call_overhead.value", "missing unit in duration \"7\"")]
    [InlineData("version: 1", "version: 2", "version", "unsupported calibration version 2")]
    [InlineData("  instances: 2", "  instances: two", "topology.instances", "expected instances (a whole number), got \"two\"")]
    [InlineData("  assignor: range", "  assignor: ranged", "topology.assignor", "did you mean \"range\"?")]
    [InlineData("  at: 2026-12-02T16:40:05Z", "  at: yesterday", "measured.at", "expected a date and time")]
    [InlineData("  rebalance_time: { value: 750ms, low: 500ms", "  rebalance_time: { value: 450ms, low: 500ms", "mechanisms.rebalance_time.value", "must lie between low and high")]
    public void Parse_BadField_NamesFileLineAndField(string find, string replace, string path, string message)
    {
        var text = CalibrationFile.Write(Full);
        Assert.Contains(find, text, StringComparison.Ordinal);
        var line = text[..text.IndexOf(find, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var ex = Assert.Throws<CalibrationException>(() => CalibrationFile.Parse(text.Replace(find, replace, StringComparison.Ordinal), "cal.yaml"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(path, error.Path);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"cal.yaml:{line}:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingSection_NamesIt()
    {
        var text = CalibrationFile.Write(Full);
        var cut = text[..text.IndexOf("mechanisms:", StringComparison.Ordinal)];

        var ex = Assert.Throws<CalibrationException>(() => CalibrationFile.Parse(cut, "cal.yaml"));

        Assert.Contains(ex.Errors, e => e.Path == "mechanisms" && e.Message == "missing required field");
    }

    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.calibration.yaml");

        var ex = Assert.Throws<CalibrationException>(() => CalibrationFile.Load(path));

        Assert.StartsWith($"{path}: cannot read the file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnknownBuiltIn_ListsTheBuiltIns()
    {
        var ex = Assert.Throws<CalibrationException>(() => CalibrationFile.Resolve("builtin:incidnet"));

        Assert.Contains("no built-in calibration \"incidnet\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltIns_EveryBuiltInScenarioShipsOne_MeasuredOnItsOwnTopology()
    {
        Assert.Equal(ScenarioLoader.BuiltInNames, CalibrationFile.BuiltInNames);
        foreach (var name in ScenarioLoader.BuiltInNames)
        {
            var calibration = CalibrationFile.BuiltIn(name);
            Assert.NotNull(calibration);
            Assert.Equal(name, calibration.Measured.Scenario);
            Assert.Contains("laglab calibrate", calibration.Measured.How, StringComparison.Ordinal);
            Assert.Empty(calibration.Topology.Differences(ScenarioLoader.LoadBuiltIn(name)));
        }
    }
}
