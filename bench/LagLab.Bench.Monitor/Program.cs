using System.Globalization;
using LagLab.Bench.Monitor;

// Usage: dotnet run -c Release --project bench/LagLab.Bench.Monitor [-- --groups 100 --topics 10 --partitions 100 --runs 5 --quick --no-detection]
if (args is ["--serve-broker"])
{
    return await BrokerProcess.ServeAsync();
}
if (args is ["--monitor-only", var monitorBootstrap, var monitorRuns])
{
    return await FreshProcess.RunAsync(monitorBootstrap, int.Parse(monitorRuns, CultureInfo.InvariantCulture));
}
int groups = 100, topics = 10, partitionsPerTopic = 100, runs = 5;
var detection = true;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--groups" when i + 1 < args.Length: groups = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--topics" when i + 1 < args.Length: topics = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--partitions" when i + 1 < args.Length: partitionsPerTopic = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs" when i + 1 < args.Length: runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--quick": groups = 10; runs = 3; break;
        case "--no-detection": detection = false; break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: [--groups N] [--topics N] [--partitions N-per-topic] [--runs N] [--quick] [--no-detection]");
            return 2;
    }
}

using var broker = BrokerProcess.Start();
Console.WriteLine($"Embedded broker (separate process) at {broker.BootstrapServers}; setting up {groups} groups x {topics * partitionsPerTopic} partitions ({topics} topics x {partitionsPerTopic})...");
await ClusterSetup.CreateAsync(broker.BootstrapServers, groups, topics, partitionsPerTopic);

var results = await CycleBenchmark.RunAsync(broker.BootstrapServers, runs);
Console.WriteLine();
Console.WriteLine($"One collection cycle, {groups} groups x {topics * partitionsPerTopic} partitions, median of {runs} runs (peak RSS: this process, max over runs)");
Console.WriteLine($"{"collector",-34} {"wall ms",9} {"cpu ms",9} {"alloc MB",9} {"peak RSS MB",12}  detail");
foreach (var r in results)
{
    Console.WriteLine($"{r.Name,-34} {r.Median.WallMs,9:F0} {r.Median.CpuMs,9:F0} {r.Median.AllocatedMb,9:F1} {r.PeakRssMbMax,12:F0}  {r.Detail}");
}
var baseline = results[0].Median;
var collection = results[1].Median;
Console.WriteLine($"collection ratio (baseline / laglab read): wall {baseline.WallMs / collection.WallMs:F1}x, cpu {baseline.CpuMs / collection.CpuMs:F1}x");

if (detection)
{
    Console.WriteLine();
    Console.WriteLine("Detection latency: a consumer that kept up stops; seconds until status stopped / alert pending");
    foreach (var (interval, window) in new[] { (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)), (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)) })
    {
        var (stopped, alert) = await DetectionLatency.MeasureAsync(broker.BootstrapServers, interval, window);
        Console.WriteLine($"interval {interval.TotalSeconds}s, status window {window.TotalSeconds}s: stopped after {stopped:F1}s, alert pending after {alert:F1}s");
    }
}
return 0;
