using System.Globalization;
using System.Net.Http.Json;
using LagLab.Contracts;
using LagLab.LoadTest.Processes;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Parts;

/// <summary>The bank simulator as its own process (<c>laglab bank</c>) with the scenario's limit, latency and faults; read over HTTP.</summary>
internal sealed class BankProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private BankProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <param name="listen">host:port to bind; null picks a free loopback port.</param>
    /// <param name="onUnexpectedExit">Called if the bank exits without the harness asking.</param>
    public static async Task<BankProcess> StartAsync(
        LaglabLauncher launcher, BankSpec bank, string? listen, string workDirectory, string logDirectory, int seed,
        Action<ChildExit>? onUnexpectedExit, CancellationToken cancellationToken)
    {
        listen ??= $"127.0.0.1:{FreePort.Next()}";
        var args = Arguments(bank, listen, workDirectory, seed);
        var process = ChildProcess.Start(launcher, "bank", args, Path.Combine(logDirectory, "bank.log"),
            onUnexpectedExit is null ? null : (_, exit) => onUnexpectedExit(exit));
        try
        {
            var line = await process.WaitForLineAsync("laglab bank ready", ReadyTimeout, cancellationToken);
            var url = line[(line.IndexOf("http", StringComparison.Ordinal) is var i and >= 0 ? i : 0)..].Trim();
            if (!Uri.TryCreate(url, UriKind.Absolute, out var baseAddress))
            {
                baseAddress = new Uri($"http://{listen}/");
            }
            return new BankProcess(process, baseAddress);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>The command line for the scenario's bank (an empirical histogram is written to a file the bank reads).</summary>
    public static List<string> Arguments(BankSpec bank, string listen, string workDirectory, int seed)
    {
        var args = new List<string>
        {
            "bank", "--listen", listen,
            "--rate-limit", CliArgs.Number(bank.RateLimit),
            "--error-rate", CliArgs.Number(bank.ErrorRate),
            "--timeout-rate", CliArgs.Number(bank.TimeoutRate),
            "--seed", seed.ToString(CultureInfo.InvariantCulture),
        };
        if (bank.Burst is { } burst)
        {
            args.AddRange(["--burst", burst.ToString(CultureInfo.InvariantCulture)]);
        }
        if (bank.Latency.Histogram.Count > 0)
        {
            var file = Path.Combine(workDirectory, "bank-latency.txt");
            Directory.CreateDirectory(workDirectory);
            // The bank's buckets span from the previous line's bound to this one; each scenario point becomes a bound.
            File.WriteAllLines(file, bank.Latency.Histogram.OrderBy(b => b.Latency)
                .Select(b => $"{CliArgs.Milliseconds(b.Latency)} {CliArgs.Number(b.Weight)}"));
            args.AddRange(["--latency-histogram", file]);
        }
        else
        {
            args.AddRange(["--latency-p50", CliArgs.Milliseconds(bank.Latency.P50), "--latency-p99", CliArgs.Milliseconds(bank.Latency.P99)]);
        }
        // Outages are started at run time through the admin endpoint, on the run's clock, not the bank's.
        return args;
    }

    public async Task<LedgerStats> StatsAsync(CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync(BankApi.LedgerStatsPath, ContractsJsonContext.Default.LedgerStats, cancellationToken)
        ?? throw new InvalidOperationException("the bank answered an empty ledger stats body");

    public async Task<LedgerEventsPage> EventsAsync(long after, int limit, CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync(string.Create(CultureInfo.InvariantCulture, $"{BankApi.LedgerEventsPath}?after={after}&limit={limit}"),
            ContractsJsonContext.Default.LedgerEventsPage, cancellationToken)
        ?? throw new InvalidOperationException("the bank answered an empty ledger events body");

    /// <summary>An outage starting now: the bank answers 503 for <paramref name="length"/>.</summary>
    public async Task StartOutageAsync(TimeSpan length, CancellationToken cancellationToken)
    {
        using var content = new StringContent("");
        using var response = await _http.PostAsync($"/v1/admin/outage?for={CliArgs.Milliseconds(length)}", content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the bank refused the outage: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.TerminateAsync(TimeSpan.FromSeconds(10));
        await _process.DisposeAsync();
    }
}
