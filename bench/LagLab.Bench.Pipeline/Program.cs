using System.Globalization;
using LagLab.Bench.Pipeline;

// Usage: dotnet run -c Release --project bench/LagLab.Bench.Pipeline -- [drain|rolling|all] [--events N] [--baseline-seconds S]
// The rolling benchmark runs `laglab pipeline` processes: build the CLI first (./laglab --version).
var what = "all";
var events = 50_000;
var baselineSeconds = 20;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "drain" or "rolling" or "all":
            what = args[i];
            break;
        case "--events" when i + 1 < args.Length:
            events = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--baseline-seconds" when i + 1 < args.Length:
            baselineSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: [drain|rolling|all] [--events N] [--baseline-seconds S]");
            return 2;
    }
}

if (what is "drain" or "all")
{
    await DrainBenchmark.RunAsync(events, TimeSpan.FromSeconds(baselineSeconds));
}
if (what is "rolling" or "all")
{
    await RollingRestartBenchmark.RunAsync();
}
return 0;
