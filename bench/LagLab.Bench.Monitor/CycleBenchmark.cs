using LagLab.Monitor;
using LagLab.Monitor.Alerting;
using LagLab.Monitor.Analysis;
using LagLab.Monitor.Collection;
using LagLab.Monitor.Exposition;

namespace LagLab.Bench.Monitor;

/// <summary>One full monitor cycle (read, analyze, publish /metrics, evaluate the shipped rules) versus the naive collector.</summary>
internal static class CycleBenchmark
{
    public sealed record Result(string Name, ResourceMeter.Figures Median, double PeakRssMbMax, string Detail);

    public static async Task<List<Result>> RunAsync(string bootstrap, int runs)
    {
        var results = new List<Result>();
        using (var naive = new NaiveCollector(bootstrap))
        {
            long lag = 0;
            results.Add(await RepeatAsync("baseline: per-group, sequential", runs, async () => lag = await naive.CollectAsync(), () => $"total lag {lag}"));
        }

        using var cycle = new MonitorCycle(bootstrap);
        var readOnly = await RepeatAsync("laglab collection only (read)", runs, () => cycle.Reader.ReadAsync(CancellationToken.None), () => "committed before end offsets, batched, 8 in flight");
        results.Add(await RepeatAsync("laglab full cycle", runs, cycle.RunAsync, cycle.Detail));
        results.Insert(1, readOnly);
        PrintRuleAllocations(cycle.Engine, cycle.State.Publish(cycle.View, new MonitorHealth(true, 0, cycle.View.Time, 0, 0, null)));
        results.Add(await FreshProcess.MeasureAsync(bootstrap, runs));
        results.Add(await RepeatAsync("scrape: render /metrics", runs, () => PrometheusTextWriter.WriteAsync(cycle.State.Metrics, Stream.Null, CancellationToken.None), () => "streamed in 64 KiB chunks at scrape time"));
        return results;
    }

    public static async Task<Result> RepeatAsync(string name, int runs, Func<Task> run, Func<string> detail)
    {
        await run(); // warm-up: JIT, connections, metadata
        var figures = new List<ResourceMeter.Figures>();
        for (var i = 0; i < runs; i++)
        {
            figures.Add(await ResourceMeter.MeasureAsync(run));
        }
        var median = new ResourceMeter.Figures(
            Median(figures.Select(f => f.WallMs)),
            Median(figures.Select(f => f.CpuMs)),
            Median(figures.Select(f => f.PeakRssMb)),
            Median(figures.Select(f => f.AllocatedMb)));
        return new Result(name, median, figures.Max(f => f.PeakRssMb), detail());
    }

    /// <summary>Where the alert stage's allocations go: one evaluation of each rule's expression.</summary>
    private static void PrintRuleAllocations(AlertEngine engine, SampleSet samples)
    {
        foreach (var rule in engine.Rules.Rules)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var count = LagLab.Monitor.Alerting.PromQl.Evaluator.Evaluate(rule.Expression, samples).Count;
            Console.WriteLine($"  rule {rule.Name}: {MonitorCycle.Mb(GC.GetTotalAllocatedBytes(precise: true) - before)} MB allocated, {count} series");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
