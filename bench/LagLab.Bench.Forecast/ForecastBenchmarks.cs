using BenchmarkDotNet.Attributes;
using LagLab.Forecast;
using LagLab.Scenarios;
using LagLab.Scenarios.Profiles;

namespace LagLab.Bench.Forecast;

/// <summary>
/// A 14-day forecast of the built-in scenarios, against the floor of any integrator: one fixed-step fluid
/// update per step (exact inflow integral, clamp at zero), over as many steps as the forecast takes.
/// </summary>
[MemoryDiagnoser]
public class ForecastBenchmarks
{
    private static readonly ForecastOptions Plain = new() { Horizon = TimeSpan.FromDays(14), Recommend = false };
    private static readonly ForecastOptions WithRecommendation = new() { Horizon = TimeSpan.FromDays(14), Recommend = true };

    private Scenario _incident = null!;
    private Scenario _fixed = null!;
    private RateProfile _rate = null!;
    private int _steps;
    private double _wallHorizon;

    [GlobalSetup]
    public void Setup()
    {
        _incident = ScenarioLoader.LoadBuiltIn("incident");
        _fixed = ScenarioLoader.LoadBuiltIn("fixed");
        _rate = _incident.WallClockRate;
        var run = Forecaster.Run(_incident, Plain);
        _steps = run.Steps;
        _wallHorizon = run.WallHorizon.TotalSeconds;
        Console.WriteLine($"// incident, 14 days: {_steps:N0} steps, {run.Points.Count:N0} points");
    }

    [Benchmark(Baseline = true, Description = "trivial loop, same steps")]
    public double TrivialLoop()
    {
        var dt = _wallHorizon / _steps;
        double lag = 0, t = 0;
        for (var i = 0; i < _steps; i++)
        {
            lag = Math.Max(0, lag + _rate.Integral(t, t + dt) - (200 * dt));
            t += dt;
        }
        return lag;
    }

    [Benchmark(Description = "incident, 14 days")]
    public ForecastResult Incident() => Forecaster.Run(_incident, Plain);

    [Benchmark(Description = "fixed, 14 days")]
    public ForecastResult Fixed() => Forecaster.Run(_fixed, Plain);

    [Benchmark(Description = "incident, 14 days + recommendation")]
    public ForecastResult IncidentRecommend() => Forecaster.Run(_incident, WithRecommendation);

    [Benchmark(Description = "fixed, 14 days + recommendation")]
    public ForecastResult FixedRecommend() => Forecaster.Run(_fixed, WithRecommendation);
}
