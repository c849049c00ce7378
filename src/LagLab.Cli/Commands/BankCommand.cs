using System.CommandLine;
using System.Globalization;
using LagLab.Bank;

namespace LagLab.Cli.Commands;

/// <summary><c>laglab bank</c>: runs the bank simulator (rate limit, latency, faults, idempotency ledger) until SIGTERM or Ctrl-C.</summary>
internal static class BankCommand
{
    public static Command Create()
    {
        var listen = new Option<string>("--listen") { Description = "HOST:PORT to listen on (port 0 picks a free one).", DefaultValueFactory = _ => BankOptions.DefaultListen };
        var rateLimit = new Option<double>("--rate-limit") { Description = "Requests/s the token bucket admits; 0 turns the limiter off.", DefaultValueFactory = _ => BankOptions.DefaultRateLimit };
        var burst = new Option<int?>("--burst") { Description = "Bucket capacity in requests (default: a tenth of a second's worth, at least 1)." };
        var p50 = new Option<string?>("--latency-p50") { Description = $"Median latency of the lognormal (default {BankDuration.Format(BankOptions.DefaultLatencyP50)})." };
        var p99 = new Option<string?>("--latency-p99") { Description = $"99th-percentile latency of the lognormal (default {BankDuration.Format(BankOptions.DefaultLatencyP99)})." };
        var histogram = new Option<string?>("--latency-histogram") { Description = "Empirical latency histogram file, lines of 'UPPER WEIGHT' (see docs/bank.md); replaces the lognormal." };
        var errorRate = new Option<double>("--error-rate") { Description = "Share of admitted requests answered with an injected 500 (0..1)." };
        var timeoutRate = new Option<double>("--timeout-rate") { Description = "Share of admitted requests held past the client's timeout, then 504 (0..1)." };
        var timeoutHold = new Option<string?>("--timeout-hold") { Description = $"How long an injected timeout holds a request (default {BankDuration.Format(BankOptions.DefaultTimeoutHold)})." };
        var outage = new Option<string[]>("--outage") { Description = "Outage AT:DURATION after start, answering 503 (e.g. 30s:30s); repeatable.", AllowMultipleArgumentsPerToken = true };
        var maxConcurrency = new Option<int>("--max-concurrency") { Description = "Requests processed at once beyond which the bank answers 503 at once; 0 is unbounded." };
        var seed = new Option<int?>("--seed") { Description = "Seed for latency and fault draws, for reproducible runs." };
        var verbose = new Option<bool>("--verbose") { Description = "Log bad requests too." };

        var command = new Command("bank", "Run the bank simulator: POST /v1/reconcile behind a token bucket, a latency distribution, injected faults and an idempotency ledger.")
        {
            listen, rateLimit, burst, p50, p99, histogram, errorRate, timeoutRate, timeoutHold, outage, maxConcurrency, seed, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!CommandHost.TryBuild("bank", () =>
            {
                if (parse.GetValue(histogram) is not null && (parse.GetValue(p50) is not null || parse.GetValue(p99) is not null))
                {
                    throw new ArgumentException("--latency-histogram cannot be combined with --latency-p50 or --latency-p99.");
                }
                var options = new BankOptions
                {
                    Listen = parse.GetValue(listen)!,
                    RateLimit = parse.GetValue(rateLimit),
                    Burst = parse.GetValue(burst),
                    LatencyP50 = Duration("--latency-p50", parse.GetValue(p50), BankOptions.DefaultLatencyP50),
                    LatencyP99 = Duration("--latency-p99", parse.GetValue(p99), BankOptions.DefaultLatencyP99),
                    LatencyHistogramPath = parse.GetValue(histogram),
                    ErrorRate = parse.GetValue(errorRate),
                    TimeoutRate = parse.GetValue(timeoutRate),
                    TimeoutHold = Duration("--timeout-hold", parse.GetValue(timeoutHold), BankOptions.DefaultTimeoutHold),
                    MaxConcurrency = parse.GetValue(maxConcurrency),
                    Seed = parse.GetValue(seed),
                };
                foreach (var text in parse.GetValue(outage) ?? [])
                {
                    options.Outages.Add(OutageWindow.TryParse(text, out var window, out var error) ? window : throw new ArgumentException($"--outage {error}"));
                }
                return options;
            }, o => o.Validate(), out var options))
            {
                return CommandHost.UsageError;
            }
            using var loggerFactory = CommandHost.Logging(parse, verbose);
            using var shutdown = new ShutdownSignal();
            BankServer bank;
            try
            {
                bank = await BankServer.StartAsync(options, loggerFactory, cancellationToken: cancellationToken);
            }
            catch (ArgumentException ex)
            {
                return CommandHost.Fail("bank", ex.Message);
            }
            catch (IOException ex)
            {
                // Kestrel reports an address in use as an IOException wrapping the socket error.
                return CommandHost.Fail("bank", $"cannot listen on {options.Listen}: {ex.Message}");
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                // Not an address of this machine (99), or a port the user may not bind (13).
                return CommandHost.Fail("bank", $"--listen {options.Listen}: cannot listen there: {ex.Message}.");
            }
            await using (bank)
            {
                await CommandHost.ServeAsync(string.Create(CultureInfo.InvariantCulture, $"laglab bank ready: listening on {bank.BaseAddress}"), shutdown.Token);
            }
            return 0;
        });
        return command;
    }

    private static TimeSpan Duration(string option, string? text, TimeSpan fallback)
    {
        if (text is null)
        {
            return fallback;
        }
        return BankDuration.TryParse(text, out var value, out var error) ? value : throw new ArgumentException($"{option} {error}");
    }
}
