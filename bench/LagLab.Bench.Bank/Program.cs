using System.Globalization;
using LagLab.Bank;
using LagLab.Bench.Bank;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run -c Release --project bench/LagLab.Bench.Bank [-- SECONDS CONCURRENCY ROUNDS]
// Every scenario runs once per round, in a rotated order, and the median round is reported: on a shared 2-core
// machine a single pass mostly measures who else was busy (and JIT tiering favours whatever runs last).
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
const double BindingRate = 1000;
const int BindingBurst = 100;
var load = new LoadGenerator(concurrency, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds));
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

await using var baseline = await BaselineServer.StartAsync(cancel.Token);
var baselineAddress = new Uri(baseline.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
var banks = new List<BankServer>();
try
{
    foreach (var (rate, burst) in new (double, int?)[] { (0, null), (1_000_000, 1_000_000), (BindingRate, BindingBurst) })
    {
        var options = new BankOptions { Listen = "127.0.0.1:0", RateLimit = rate, Burst = burst, LatencyP50 = TimeSpan.Zero, LatencyP99 = TimeSpan.Zero };
        banks.Add(await BankServer.StartAsync(options, cancellationToken: cancel.Token));
    }
    (string Name, Uri Address)[] scenarios =
    [
        ("baseline: trivial Kestrel endpoint", baselineAddress),
        ("bank, limiter off", banks[0].BaseAddress),
        ("bank, limiter on, never binding (1e6/s)", banks[1].BaseAddress),
        ($"bank, limiter binding at {BindingRate}/s", banks[2].BaseAddress),
    ];

    // One untimed pass so every code path is jitted before anything is measured.
    foreach (var (name, address) in scenarios)
    {
        await new LoadGenerator(concurrency, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)).RunAsync(name, address, cancel.Token);
    }
    var byScenario = scenarios.ToDictionary(s => s.Name, _ => new List<LoadResult>());
    for (var round = 0; round < rounds; round++)
    {
        for (var i = 0; i < scenarios.Length; i++)
        {
            var (name, address) = scenarios[(i + round) % scenarios.Length];
            byScenario[name].Add(await load.RunAsync(name, address, cancel.Token));
        }
    }
    var results = scenarios.Select(s => byScenario[s.Name].OrderBy(r => r.AnsweredPerSecond).ElementAt(rounds / 2)).ToList();

    var reference = results[0].AnsweredPerSecond;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"LagLab bank benchmark: {concurrency} closed-loop clients, {seconds} s measured per round, median of {rounds} rounds, zero injected latency, client and server in one process, {Environment.ProcessorCount} cores"));
    Console.WriteLine();
    Console.WriteLine("| scenario | answered req/s | vs baseline | 200/s | 429/s | other | client p50 ms | client p99 ms | all rounds, req/s |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
    foreach (var r in results)
    {
        var all = string.Join(" / ", byScenario[r.Scenario].Select(x => x.AnsweredPerSecond.ToString("0", CultureInfo.InvariantCulture)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {r.Scenario} | {r.AnsweredPerSecond:0} | {r.AnsweredPerSecond / reference:0.00} | {r.OkPerSecond:0} | {r.RateLimited / r.Seconds:0} | {r.Failed} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {all} |"));
    }
    var binding = results[^1];
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Limiter exactness under load: admitted {binding.OkPerSecond:0.0}/s against a limit of {BindingRate}/s (a full burst of {BindingBurst} could add at most {BindingBurst / binding.Seconds:0.0}/s over this window): ratio {binding.OkPerSecond / BindingRate:0.000}."));
}
finally
{
    foreach (var bank in banks)
    {
        await bank.DisposeAsync();
    }
}
