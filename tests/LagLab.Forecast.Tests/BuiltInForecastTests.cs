using LagLab.Scenarios;

namespace LagLab.Forecast.Tests;

public sealed class BuiltInForecastTests
{
    [Fact]
    public void Incident_LagGrowsDayOverDay_AndBreachesCriticalWithinTheHorizon()
    {
        var r = Forecaster.Run(ScenarioLoader.LoadBuiltIn("incident"), new ForecastOptions { Horizon = TimeSpan.FromDays(14), Recommend = false });

        Assert.Equal(14, r.Days.Count);
        for (var d = 1; d < r.Days.Count; d++)
        {
            Assert.True(r.Days[d].EndBacklog > r.Days[d - 1].EndBacklog, $"day {d + 1} ends at {r.Days[d].EndBacklog:N0}, day {d} at {r.Days[d - 1].EndBacklog:N0}");
            Assert.False(r.Days[d].Drained, $"day {d + 1} drained");
        }
        var warning = r.Alerts.Single(a => a.Severity == AlertSeverity.Warning).FiresAt;
        var critical = r.Alerts.Single(a => a.Severity == AlertSeverity.Critical).FiresAt;
        Assert.NotNull(warning);
        Assert.NotNull(critical);
        Assert.True(warning < critical);
        Assert.True(r.MaxPartitionLag > 10_000);
        Assert.True(r.Capacity.Sustainable < r.Capacity.PeakInflow);
        // Eager: every deploy stops the whole group.
        Assert.True(r.Capacity.DeployGroupPause > TimeSpan.Zero);
    }

    [Fact]
    public void Incident_CriticalFiresWithinTheTenMinuteDemo()
    {
        var s = ScenarioLoader.LoadBuiltIn("incident");

        var r = Forecaster.Run(s, new ForecastOptions { Horizon = s.Producer.Duration, Recommend = false });

        var critical = r.Alerts.Single(a => a.Severity == AlertSeverity.Critical).FiresAt;
        Assert.NotNull(critical);
        Assert.True(s.TimeScale.ToWall(critical.Value) < TimeSpan.FromMinutes(10), $"critical fires at wall {s.TimeScale.ToWall(critical.Value)}");
    }

    [Fact]
    public void Fixed_DrainsEveryDay_AndNoAlertFires()
    {
        var r = Forecaster.Run(ScenarioLoader.LoadBuiltIn("fixed"), new ForecastOptions { Horizon = TimeSpan.FromDays(14), Recommend = false });

        Assert.Equal(14, r.Days.Count);
        Assert.All(r.Days, d => Assert.True(d.Drained, $"day {d.Day} never drained (min {d.MinBacklog:N0})"));
        Assert.All(r.Days, d => Assert.True(d.MaxBacklog > 0, $"day {d.Day}: lag should rise at peak"));
        Assert.All(r.Alerts, a => Assert.Null(a.FiresAt));
        // Static membership: a restart pauses only the restarting instance's partitions, never the whole group.
        Assert.Equal(TimeSpan.Zero, r.Capacity.DeployGroupPause);
        // The same every day: no growth.
        Assert.Equal(r.Days[1].MaxBacklog, r.Days[^1].MaxBacklog, 3);
    }

    [Fact]
    public void CiScenarios_PassAndFailTheirMaxLag()
    {
        var pass = ScenarioLoader.LoadBuiltIn("ci-pass");
        var fail = ScenarioLoader.LoadBuiltIn("ci-fail");

        var passed = Forecaster.Run(pass, new ForecastOptions { Horizon = pass.Producer.Duration, Recommend = false });
        var failed = Forecaster.Run(fail, new ForecastOptions { Horizon = fail.Producer.Duration, Recommend = false });

        Assert.True(passed.MaxLag <= pass.Slos.MaxLag);
        Assert.True(failed.MaxLag > fail.Slos.MaxLag);
    }
}
