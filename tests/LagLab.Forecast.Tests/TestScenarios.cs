using LagLab.Scenarios;
using LagLab.Scenarios.Profiles;

namespace LagLab.Forecast.Tests;

/// <summary>Small scenarios whose answers can be worked out by hand: exact 10 ms latency, constant rates.</summary>
internal static class TestScenarios
{
    public static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);

    public static Scenario Constant(
        double rate,
        int partitions = 1,
        int instances = 1,
        ProcessingMode processing = ProcessingMode.Concurrent,
        int concurrency = 100,
        double bank = 200,
        TimeSpan? duration = null) => new()
        {
            Name = "test",
            Topic = new TopicSpec { Partitions = partitions },
            Producer = new ProducerSpec { Rate = new ConstantRate(rate), Accounts = 10_000, Duration = duration ?? TimeSpan.FromHours(1) },
            Fleet = new FleetSpec
            {
                Instances = instances,
                Processing = processing,
                Concurrency = processing == ProcessingMode.Blocking ? 1 : concurrency,
                Buffer = processing == ProcessingMode.Blocking ? BufferMode.None : BufferMode.Memory,
                Assignor = Assignor.Range,
                RestartTime = TimeSpan.FromSeconds(3),
                RebalanceTime = TimeSpan.FromSeconds(10),
            },
            Bank = new BankSpec { RateLimit = bank, Latency = new LatencySpec { P50 = TenMs, P99 = TenMs } },
        };

    public static ForecastResult Run(Scenario s, TimeSpan horizon, double? target = null, bool recommend = false) =>
        Forecaster.Run(s, new ForecastOptions { Horizon = horizon, TargetLag = target, Recommend = recommend, MaxPoints = 100_000 });

    /// <summary>Linear interpolation of a forecast quantity at a wall time.</summary>
    public static double At(ForecastResult r, double wallSeconds, Func<ForecastPoint, double> value)
    {
        var points = r.Points;
        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            if (b.WallTime.TotalSeconds >= wallSeconds)
            {
                var span = b.WallTime.TotalSeconds - a.WallTime.TotalSeconds;
                var f = span <= 0 ? 1 : (wallSeconds - a.WallTime.TotalSeconds) / span;
                return value(a) + (f * (value(b) - value(a)));
            }
        }
        return value(points[^1]);
    }
}
