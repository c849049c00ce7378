using System.Text.Json;
using LagLab.Forecast.Output;
using LagLab.Scenarios;

namespace LagLab.Forecast.Tests.Output;

public sealed class ForecastOutputTests
{
    [Fact]
    public void Json_GivesDurationsInSecondsAndEnumsAsWords()
    {
        var r = TestScenarios.Run(TestScenarios.Constant(300), TimeSpan.FromHours(1));

        using var doc = JsonDocument.Parse(ForecastJson.Serialize(r));

        Assert.Equal(3600, doc.RootElement.GetProperty("horizon").GetDouble());
        Assert.Equal(360_000, doc.RootElement.GetProperty("maxLag").GetDouble(), 3);
        Assert.Equal("warning", doc.RootElement.GetProperty("alerts")[0].GetProperty("severity").GetString());
        Assert.Equal(310, doc.RootElement.GetProperty("alerts")[0].GetProperty("firesAt").GetDouble(), 3);
    }

    [Fact]
    public void Chart_WritesAPng()
    {
        var r = TestScenarios.Run(TestScenarios.Constant(300), TimeSpan.FromHours(1));
        var path = Path.Combine(Path.GetTempPath(), $"laglab-forecast-{Guid.NewGuid():N}.png");
        try
        {
            ForecastChart.SavePng(r, new AlertSpec(), path, 400, 300);

            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 1000);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Points_AreThinnedToTheLimit_KeepingThePeak()
    {
        var s = TestScenarios.Constant(100) with { Actions = [new BankOutageAction(TimeSpan.FromHours(3), TimeSpan.FromMinutes(7))] };

        var r = Forecaster.Run(s, new ForecastOptions { Horizon = TimeSpan.FromDays(1), MaxPoints = 200, Recommend = false });

        Assert.InRange(r.Points.Count, 10, 210);
        Assert.Equal(r.MaxLag, r.Points.Max(p => p.Lag), 6);
        Assert.Equal(TimeSpan.FromDays(1), r.Points[^1].ScenarioTime);
        Assert.True(r.Points.Zip(r.Points.Skip(1)).All(p => p.First.WallTime <= p.Second.WallTime));
    }
}
