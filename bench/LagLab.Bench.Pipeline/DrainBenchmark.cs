using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LagLab.Bank;
using LagLab.Broker;
using LagLab.Pipeline;
using LagLab.Pipeline.Hosting;
using LagLab.Pipeline.Producing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LagLab.Bench.Pipeline;

/// <summary>
/// A backlog of N events drained through the bank at 200/s by three pipeline instances (one process, three consumers of
/// one group, each with its partition share of the budget). Reports achieved bank throughput over the limit, the share
/// of calls answered 429, and drain time against the theoretical minimum N / 200 s. Baseline in the same run: the
/// write-up's blocking consumer on the same backlog and an identical bank, for a fixed window.
/// </summary>
internal static class DrainBenchmark
{
    private const double BankRate = 200;
    private const int Partitions = 12;

    public static async Task RunAsync(int events, TimeSpan baselineWindow)
    {
        await using var broker = await KafkaBroker.StartAsync(new BrokerOptions { Port = 0, DataDirectory = null, DefaultPartitions = Partitions }, NullLoggerFactory.Instance);
        var bootstrap = broker.BootstrapServers;
        const string topic = "backlog";
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build())
        {
            await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = Partitions, ReplicationFactor = 1 }]);
        }
        var produce = new ProduceOptions { BootstrapServers = bootstrap, Topic = topic, Profile = RateProfile.Constant(50_000), Count = events, Accounts = 2000 };
        var produced = await EventProducer.RunAsync(produce, TimeProvider.System, null, CancellationToken.None);
        Console.WriteLine($"backlog: {produced.Sent} events in {Partitions} partitions ({produced.Failed} failed)");

        var baseline = await RunBaselineAsync(bootstrap, topic, baselineWindow);
        var ours = await RunPipelinesAsync(bootstrap, topic, events);

        var minimum = events / BankRate;
        var baselineDrain = baseline.Rate > 0 ? events / baseline.Rate : double.PositiveInfinity;
        Console.WriteLine();
        Console.WriteLine("| consumer | applied | bank req/s | / limit 200 | 429 share | drain s | theoretical min s | drain / min |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(Row($"blocking (write-up), {baselineWindow.TotalSeconds:F0} s window, projected", baseline.Applied, baseline.Rate, baseline.ThrottledShare, baselineDrain, minimum));
        Console.WriteLine(Row("pipeline, 3 instances, async", ours.Applied, ours.Rate, ours.ThrottledShare, ours.DrainSeconds, minimum));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pipeline vs blocking: {ours.Rate / Math.Max(baseline.Rate, 1e-9):F1}x the bank throughput; end-to-end p50/p99 from results not measured here"));
    }

    private static string Row(string name, long applied, double rate, double throttled, double drain, double minimum) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {applied} | {rate:F1} | {rate / BankRate:F3} | {throttled:P2} | {drain:F1} | {minimum:F1} | {drain / minimum:F3} |");

    private static async Task<(long Applied, double Rate, double ThrottledShare)> RunBaselineAsync(string bootstrap, string topic, TimeSpan window)
    {
        await using var bank = await BankServer.StartAsync(new BankOptions { Listen = "127.0.0.1:0", RateLimit = BankRate, Seed = 1 });
        var options = Options(bootstrap, topic, bank.BaseAddress, "baseline-blocking", "b1");
        options.Mode = ProcessingMode.Blocking;
        using var stop = new CancellationTokenSource();
        var run = ReconciliationPipeline.RunAsync(options, NullLoggerFactory.Instance, TextWriter.Null, stop.Token);
        // Measure from the first applied event, so group join time does not count against it.
        while (bank.GetStats().Applied == 0)
        {
            await Task.Delay(50);
        }
        var first = bank.GetStats();
        var clock = Stopwatch.StartNew();
        await Task.Delay(window);
        var last = bank.GetStats();
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await run;
        var applied = last.Applied - first.Applied;
        var throttled = last.Rejected - first.Rejected;
        return (applied, applied / seconds, throttled / (double)Math.Max(1, applied + throttled));
    }

    private static async Task<(long Applied, double Rate, double ThrottledShare, double DrainSeconds)> RunPipelinesAsync(string bootstrap, string topic, int events)
    {
        await using var bank = await BankServer.StartAsync(new BankOptions { Listen = "127.0.0.1:0", RateLimit = BankRate, Seed = 2 });
        using var stop = new CancellationTokenSource();
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        var clock = Stopwatch.StartNew();
        var runs = Enumerable.Range(1, 3)
            .Select(i => ReconciliationPipeline.RunAsync(Options(bootstrap, topic, bank.BaseAddress, "drain", $"d{i}"), loggers, TextWriter.Null, stop.Token))
            .ToList();
        double? firstAt = null;
        long lastApplied = 0;
        var lastChange = clock.Elapsed;
        while (bank.GetStats().Applied < events && clock.Elapsed - lastChange < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
            var applied = bank.GetStats().Applied;
            if (applied > 0 && firstAt is null)
            {
                firstAt = clock.Elapsed.TotalSeconds;
            }
            if (applied != lastApplied)
            {
                lastApplied = applied;
                lastChange = clock.Elapsed;
            }
        }
        var drain = clock.Elapsed.TotalSeconds;
        var stats = bank.GetStats();
        await stop.CancelAsync();
        await Task.WhenAll(runs);
        var window = drain - (firstAt ?? 0);
        // The bank's 429 count against every call that reached its limiter.
        var throttledShare = stats.Rejected / (double)Math.Max(1, stats.Applied + stats.Duplicates + stats.Rejected);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pipeline: first applied after {firstAt:F1} s (group join), drained {stats.Applied} in {drain:F1} s; 429s {stats.Rejected}, duplicates {stats.Duplicates}, order violations {stats.OrderViolations}"));
        return (stats.Applied, stats.Applied / window, throttledShare, drain);
    }

    private static PipelineOptions Options(string bootstrap, string topic, Uri bank, string group, string instance) => new()
    {
        BootstrapServers = bootstrap,
        Topic = topic,
        Group = group,
        BankUrl = bank.ToString(),
        InstanceId = instance,
        ResultsTopic = group + "-results",
        DeadLetterTopic = group + "-dlq",
        RateLimit = BankRate,
        Concurrency = 64,
    };
}
