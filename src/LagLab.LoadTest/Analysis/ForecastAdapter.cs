using System.Globalization;
using LagLab.Forecast;
using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Analysis;

/// <summary>
/// The capacity model's forecast (<c>LagLab.Forecast</c>, from the scenario alone, over the run's duration) beside
/// the measured lag. The error is taken on the maximum group lag, relative to the measured maximum.
/// </summary>
internal static partial class ForecastAdapter
{
    /// <summary>The model answers in well under a second; one that does not is abandoned so the run still reports.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public static ForecastComparison Compare(Scenario scenario, IReadOnlyList<LagSample> samples, IReadOnlyList<double>? deployReplays = null)
    {
        var measured = samples.Count == 0 ? 0 : samples.Max(s => s.TotalLag);
        ForecastResult forecast;
        try
        {
            forecast = RunBounded(() => Forecaster.Run(scenario, new ForecastOptions { Horizon = scenario.Producer.Duration, Recommend = false, MaxPoints = 2000, DeployReplays = deployReplays ?? [] }));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or TimeoutException)
        {
            return new ForecastComparison([], [], 0, measured, 0, "", $"the forecast failed: {ex.Message}");
        }
        return FromResult(forecast, measured);
    }

    /// <summary>The forecast's curve, maximum and capacity line beside the measured maximum lag.</summary>
    private static ForecastComparison FromResult(ForecastResult forecast, double measured)
    {
        var c = forecast.Capacity;
        var capacity = string.Create(CultureInfo.InvariantCulture,
            $"Capacity model: {c.Sustainable:0.#}/s sustainable ({c.Bottleneck}); saturated {c.Saturated:0.#}/s with {c.ActiveConsumers} active consumers at {c.MeanLatency.TotalMilliseconds:0.#} ms mean bank latency; a rolling deploy stops the whole group {c.DeployGroupPause.TotalSeconds:0.#} s and one partition up to {c.DeployLongestPartitionPause.TotalSeconds:0.#} s.");
        return new ForecastComparison(
            [.. forecast.Points.Select(p => Math.Round(p.WallTime.TotalSeconds, 3))],
            [.. forecast.Points.Select(p => Math.Round(p.Lag, 1))],
            forecast.MaxLag,
            measured,
            ErrorPercent(forecast.MaxLag, measured),
            capacity,
            null);
    }

    /// <summary>
    /// Runs the model on a background thread and waits at most <see cref="Limit"/>: a model that loops must not hold
    /// the run's report hostage (the thread cannot be aborted; it dies with the process, which ends right after).
    /// </summary>
    private static ForecastResult RunBounded(Func<ForecastResult> model)
    {
        var done = new TaskCompletionSource<ForecastResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(model());
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        { IsBackground = true, Name = "laglab-forecast" };
        thread.Start();
        if (!done.Task.Wait(Limit))
        {
            throw new TimeoutException($"the capacity model did not answer within {Limit.TotalSeconds:0} s for this scenario");
        }
        return done.Task.GetAwaiter().GetResult();
    }

    /// <summary>(forecast − measured) / measured × 100; against a measured 0, the forecast itself counts (as lag of 1 event).</summary>
    public static double ErrorPercent(double forecast, double measured) =>
        Math.Round((forecast - measured) / Math.Max(measured, 1) * 100, 1);
}
