using System.Globalization;
using LagLab.Bench.Groups;

// Usage: dotnet run -c Release --project bench/LagLab.Bench.Groups [-- --quick] [--heartbeat-ms N] [--session-ms N] [--sizes 2,4,8,16] [--only mock|laglab]
var sizes = new[] { 2, 4, 8, 16 };
var settings = new Settings(SessionTimeoutMs: 45_000, HeartbeatIntervalMs: 3_000);
var commitDuration = TimeSpan.FromSeconds(5);
var runMock = true;
var runOurs = true;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick":
            sizes = [2, 4];
            commitDuration = TimeSpan.FromSeconds(2);
            break;
        case "--sizes" when i + 1 < args.Length:
            sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            break;
        case "--only" when i + 1 < args.Length:
            var only = args[++i];
            runMock = only == "mock";
            runOurs = only == "laglab";
            break;
        case "--heartbeat-ms" when i + 1 < args.Length:
            settings = settings with { HeartbeatIntervalMs = int.Parse(args[++i], CultureInfo.InvariantCulture) };
            break;
        case "--session-ms" when i + 1 < args.Length:
            settings = settings with { SessionTimeoutMs = int.Parse(args[++i], CultureInfo.InvariantCulture) };
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: [--quick] [--sizes 2,4,8,16] [--heartbeat-ms N] [--session-ms N] [--only mock|laglab]");
            return 2;
    }
}

var c = CultureInfo.InvariantCulture;
Console.WriteLine(string.Format(c, "Consumer settings: session.timeout.ms={0}, heartbeat.interval.ms={1}; {2} partitions; baseline: librdkafka mock cluster, same run.",
    settings.SessionTimeoutMs, settings.HeartbeatIntervalMs, Scenarios.Partitions));

Console.WriteLine();
Console.WriteLine("Time to a balanced group (ms)");
Console.WriteLine("| strategy | members | event | mock | laglab | laglab / mock |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var strategy in Enum.GetValues<Strategy>())
{
    foreach (var members in sizes)
    {
        foreach (var join in new[] { true, false })
        {
            var mock = await MeasureAsync(() => Task.FromResult(Target.Mock()), t => Scenarios.RebalanceAsync(t, settings, strategy, members, join));
            var ours = await MeasureAsync(() => Target.EmbeddedAsync(), t => Scenarios.RebalanceAsync(t, settings, strategy, members, join));
            var eventName = join ? "one joins" : strategy == Strategy.Static ? "one restarts" : "one leaves";
            Console.WriteLine(string.Format(c, "| {0} | {1} | {2} | {3} | {4} | {5} |", strategy, members, eventName, Show(mock), Show(ours), Ratio(ours, mock)));
        }
    }
}

Console.WriteLine();
Console.WriteLine("Rolling restart of 4 members over 16 partitions: time a partition had no owner (ms)");
Console.WriteLine("| strategy | mock max | mock mean | laglab max | laglab mean | laglab total restart |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var strategy in Enum.GetValues<Strategy>())
{
    var mock = await MeasureAsync(() => Task.FromResult(Target.Mock()), t => Scenarios.RollingRestartAsync(t, settings, strategy, 4, 16));
    var ours = await MeasureAsync(() => Target.EmbeddedAsync(), t => Scenarios.RollingRestartAsync(t, settings, strategy, 4, 16));
    Console.WriteLine(string.Format(c, "| {0} | {1} | {2} | {3} | {4} | {5} |", strategy,
        Show(mock?.Max), Show(mock?.Mean), Show(ours?.Max), Show(ours?.Mean), Show(ours?.Total)));
}

Console.WriteLine();
Console.WriteLine(string.Format(c, "Synchronous offset commits per second ({0} s each)", commitDuration.TotalSeconds));
Console.WriteLine("| committers | mock | laglab (memory) | laglab (data dir, fsync) | memory / mock |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var committers in new[] { 1, 4 })
{
    var mock = await MeasureAsync(() => Task.FromResult(Target.Mock()), t => Scenarios.CommitThroughputAsync(t, committers, commitDuration));
    var memory = await MeasureAsync(() => Target.EmbeddedAsync(), t => Scenarios.CommitThroughputAsync(t, committers, commitDuration));
    var directory = Path.Combine(Path.GetTempPath(), "laglab-bench-groups", Guid.NewGuid().ToString("N"));
    double? disk;
    try
    {
        disk = await MeasureAsync(() => Target.EmbeddedAsync(directory), t => Scenarios.CommitThroughputAsync(t, committers, commitDuration));
    }
    finally
    {
        Directory.Delete(directory, recursive: true);
    }
    Console.WriteLine(string.Format(c, "| {0} | {1} | {2} | {3} | {4} |", committers, Show(mock), Show(memory), Show(disk), Ratio(memory, mock)));
}
return 0;

async Task<T?> MeasureAsync<T>(Func<Task<Target>> start, Func<Target, Task<T>> scenario)
    where T : struct
{
    if (!(runMock && runOurs))
    {
        // One target only: skip the other without starting it.
        var probe = await start();
        if (probe.IsMock != runMock)
        {
            await probe.DisposeAsync();
            return null;
        }
        return await RunAsync(probe, scenario);
    }
    return await RunAsync(await start(), scenario);
}

static async Task<T?> RunAsync<T>(Target target, Func<Target, Task<T>> scenario)
    where T : struct
{
    await using (target)
    {
        try
        {
            return await scenario(target);
        }
        catch (Exception ex) when (ex is TimeoutException or Confluent.Kafka.KafkaException)
        {
            Console.Error.WriteLine($"{target.Name}: {ex.Message}");
            return null;
        }
    }
}

static string Show(double? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "n/a";

static string Ratio(double? ours, double? baseline) =>
    ours is { } o && baseline is { } b && b > 0 ? (o / b).ToString("N2", CultureInfo.InvariantCulture) + "x" : "n/a";
