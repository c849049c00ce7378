using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka.Admin;
using LagLab.Bank;
using LagLab.Broker;
using LagLab.Pipeline.Producing;
using Microsoft.Extensions.Logging.Abstractions;
using Confluent.Kafka;

namespace LagLab.Bench.Pipeline;

/// <summary>
/// A rolling restart of three `laglab pipeline` processes (SIGTERM, start again, wait until it owns partitions, next)
/// under steady traffic, once per membership strategy: eager (range), cooperative-sticky, and static membership
/// (cooperative-sticky with --instance-id). For each partition: the time it had no active consumer during the restart,
/// from the instances' ownership lines. The eager run is the baseline measured in the same run; the write-up's figures
/// (30 s eager, under 5 s after its fix) are printed beside.
/// </summary>
internal static class RollingRestartBenchmark
{
    private const int Partitions = 12;

    private static readonly (string Name, string Assignor, bool Static)[] Strategies =
    [
        ("eager (range)", "range", false),
        ("cooperative-sticky", "cooperative-sticky", false),
        ("static membership (cooperative-sticky + instance id)", "cooperative-sticky", true),
    ];

    public static async Task RunAsync()
    {
        var cli = FindCli();
        await using var broker = await KafkaBroker.StartAsync(new BrokerOptions { Port = 0, DataDirectory = null, DefaultPartitions = Partitions }, NullLoggerFactory.Instance);
        var bootstrap = broker.BootstrapServers;
        const string topic = "rolling";
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build())
        {
            await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = Partitions, ReplicationFactor = 1 }]);
        }
        await using var bank = await BankServer.StartAsync(new BankOptions { Listen = "127.0.0.1:0", RateLimit = 1000, LatencyP50 = TimeSpan.FromMilliseconds(5), LatencyP99 = TimeSpan.FromMilliseconds(20) });
        using var stopTraffic = new CancellationTokenSource();
        var traffic = EventProducer.RunAsync(
            new ProduceOptions { BootstrapServers = bootstrap, Topic = topic, Profile = RateProfile.Constant(100), Count = 10_000_000, Accounts = 500 },
            TimeProvider.System, null, stopTraffic.Token);

        var rows = new List<(string Name, double[] Unowned, double Window)>();
        foreach (var (name, assignor, isStatic) in Strategies)
        {
            var group = "rolling-" + assignor + (isStatic ? "-static" : string.Empty);
            var (unowned, window) = await RunOneAsync(cli, bootstrap, topic, bank.BaseAddress, group, assignor, isStatic);
            rows.Add((name, unowned, window));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: max {unowned.Max() / 1000:F2} s, mean {unowned.Average() / 1000:F2} s per partition over a {window / 1000:F1} s restart"));
        }
        await stopTraffic.CancelAsync();
        await traffic;

        var eagerMean = rows[0].Unowned.Average();
        Console.WriteLine();
        Console.WriteLine("| membership | per partition, max s | per partition, mean s | sum over 12 partitions s | mean vs eager | restart took s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, unowned, window) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {unowned.Max() / 1000:F2} | {unowned.Average() / 1000:F2} | {unowned.Sum() / 1000:F1} | {unowned.Average() / Math.Max(eagerMean, 1e-9):F2} | {window / 1000:F1} |"));
        }
        Console.WriteLine("| write-up: eager, before the fix | 30 | | | | |");
        Console.WriteLine("| write-up: cooperative-sticky, after the fix | < 5 | | | | |");
    }

    private static async Task<(double[] Unowned, double WindowMs)> RunOneAsync(string cli, string bootstrap, string topic, Uri bank, string group, string assignor, bool isStatic)
    {
        var timeline = new OwnershipTimeline(Partitions);
        var output = new ConcurrentQueue<string>();
        var processes = new Dictionary<string, Process>();
        string[] Arguments(string instance) =>
        [
            cli, "pipeline", "--bootstrap-servers", bootstrap, "--topic", topic, "--group", group, "--bank-url", bank.ToString(),
            "--results-topic", group + "-results", "--dead-letter-topic", group + "-dlq", "--assignor", assignor, "--rate-limit", "1000",
            "--revoke-timeout", "2s", "--drain-timeout", "3s", "-X", "session.timeout.ms=10000",
            .. isStatic ? (string[])["--instance-id", instance] : [],
        ];
        Process Start(string instance)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in Arguments(instance))
            {
                info.ArgumentList.Add(argument);
            }
            var process = Process.Start(info)!;
            // Without an instance id the ownership lines name the host and pid; tag them by our name instead.
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line)
                {
                    var tagged = isStatic ? line : System.Text.RegularExpressions.Regex.Replace(line, "instance=\\S+", $"instance={instance}");
                    timeline.Add(tagged);
                    output.Enqueue($"[{instance}] {tagged}");
                }
            };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            processes[instance] = process;
            return process;
        }

        string[] instances = ["r1", "r2", "r3"];
        foreach (var instance in instances)
        {
            Start(instance);
        }
        await WaitAsync(() => Balanced(output, instances), TimeSpan.FromSeconds(90), "the group to settle");
        await Task.Delay(TimeSpan.FromSeconds(3));

        var from = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var instance in instances)
        {
            var process = processes[instance];
            Signal(process.Id);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var before = output.Count;
            Start(instance);
            await WaitAsync(() => output.Skip(before).Any(l => l.StartsWith($"[{instance}] laglab pipeline ownership:", StringComparison.Ordinal) && !l.Contains("owned= ", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(90), $"{instance} to own partitions again");
        }
        await WaitAsync(() => Balanced(output, instances), TimeSpan.FromSeconds(90), "the group to settle after the restart");
        var to = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        foreach (var process in processes.Values)
        {
            Signal(process.Id);
        }
        foreach (var process in processes.Values)
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            process.Dispose();
        }
        return (timeline.UnownedMs(from, to), to - from);
    }

    /// <summary>Each instance's last ownership line owns something, and together they own every partition once.</summary>
    private static bool Balanced(ConcurrentQueue<string> output, string[] instances)
    {
        var owned = new List<int>();
        foreach (var instance in instances)
        {
            var last = output.LastOrDefault(l => l.StartsWith($"[{instance}] laglab pipeline ownership:", StringComparison.Ordinal));
            var field = last?.Split(' ').FirstOrDefault(f => f.StartsWith("owned=", StringComparison.Ordinal));
            if (field is null || field.Length == "owned=".Length)
            {
                return false;
            }
            owned.AddRange(field["owned=".Length..].Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)));
        }
        return owned.Count == Partitions && owned.Distinct().Count() == Partitions;
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            await Task.Delay(50);
        }
    }

    private static string FindCli()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LagLab.slnx")))
        {
            dir = dir.Parent;
        }
        var cli = dir is null ? null : Path.Combine(dir.FullName, "artifacts", "cli", "laglab.dll");
        return cli is not null && File.Exists(cli) ? cli : throw new InvalidOperationException("artifacts/cli/laglab.dll is missing: run ./laglab --version first.");
    }

    private static void Signal(int pid) => _ = Kill(pid, 15);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
