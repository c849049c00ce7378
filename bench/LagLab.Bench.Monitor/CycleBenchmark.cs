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

        var options = new MonitorOptions { BootstrapServers = bootstrap, CycleTimeout = TimeSpan.FromMinutes(1), TimeLagMode = TimeLagMode.Estimate };
        using var reader = new KafkaClusterReader(options, TimeProvider.System);
        var analyzer = new LagAnalyzer(new AnalyzerOptions { TimeLagMode = TimeLagMode.Estimate, BreachThresholds = [1000, 10000] });
        var state = new MonitorState(TimeSpan.FromHours(1));
        var engine = new AlertEngine(LagMonitor.LoadRules(null));
        MonitorView view = MonitorView.Empty;
        var samples = 0;
        var stages = new double[4];
        var stageAllocated = new long[5];
        var readOnly = await RepeatAsync("laglab collection only (read)", runs, () => reader.ReadAsync(CancellationToken.None), () => "committed before end offsets, batched, 8 in flight");
        results.Add(await RepeatAsync("laglab full cycle", runs, async () =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            stageAllocated[0] = GC.GetTotalAllocatedBytes(precise: true);
            var snapshot = await reader.ReadAsync(CancellationToken.None);
            stages[0] = watch.Elapsed.TotalMilliseconds;
            stageAllocated[1] = GC.GetTotalAllocatedBytes(precise: true);
            view = await analyzer.AnalyzeAsync(snapshot, CancellationToken.None);
            stages[1] = watch.Elapsed.TotalMilliseconds;
            stageAllocated[2] = GC.GetTotalAllocatedBytes(precise: true);
            var published = state.Publish(view, new MonitorHealth(true, 0, view.Time, 0, 0, null));
            stages[2] = watch.Elapsed.TotalMilliseconds;
            stageAllocated[3] = GC.GetTotalAllocatedBytes(precise: true);
            samples = published.Names.Sum(n => published.Of(n).Count);
            engine.Evaluate(published, DateTimeOffset.UtcNow);
            stages[3] = watch.Elapsed.TotalMilliseconds;
            stageAllocated[4] = GC.GetTotalAllocatedBytes(precise: true);
        }, () => $"read {stages[0]:F0} / analyze {stages[1] - stages[0]:F0} / metrics {stages[2] - stages[1]:F0} / alerts {stages[3] - stages[2]:F0} ms, " +
            $"allocated {Mb(stageAllocated[1] - stageAllocated[0])} / {Mb(stageAllocated[2] - stageAllocated[1])} / {Mb(stageAllocated[3] - stageAllocated[2])} / {Mb(stageAllocated[4] - stageAllocated[3])} MB (last run); " +
            $"live managed heap after the cycle {GC.GetTotalMemory(forceFullCollection: true) / 1048576} MB; {view.Groups.Count} groups, {view.Groups.Sum(g => g.Partitions.Count)} group-partitions, {samples} series, {System.Text.Encoding.UTF8.GetByteCount(state.MetricsText) / 1024} KiB /metrics, total lag {view.Groups.Sum(g => g.LagSum)}"));
        results.Insert(1, readOnly);
        PrintRuleAllocations(engine, state.Publish(view, new MonitorHealth(true, 0, view.Time, 0, 0, null)));
        results.Add(await RepeatAsync("scrape: render /metrics", runs, () => PrometheusTextWriter.WriteAsync(state.Metrics, Stream.Null, CancellationToken.None), () => "streamed in 64 KiB chunks at scrape time"));
        return results;
    }

    private static async Task<Result> RepeatAsync(string name, int runs, Func<Task> run, Func<string> detail)
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
            Console.WriteLine($"  rule {rule.Name}: {Mb(GC.GetTotalAllocatedBytes(precise: true) - before)} MB allocated, {count} series");
        }
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
