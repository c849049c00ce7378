using System.Diagnostics;
using System.Net;
using LagLab.Contracts;

namespace LagLab.Bench.Bank;

/// <summary>
/// A closed-loop load: <c>concurrency</c> workers each send the next reconcile request as soon as the previous one is
/// answered, every request a new idempotency key. Warm-up first (JIT, connections), then a measured window.
/// </summary>
internal sealed class LoadGenerator(int concurrency, TimeSpan warmup, TimeSpan measure)
{
    private long _sequence;

    public async Task<LoadResult> RunAsync(string scenario, Uri baseAddress, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var counts = new long[3];
        var measuring = 0;
        var latencies = new List<double>[concurrency];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(1 << 16);
            while (!stop.IsCancellationRequested)
            {
                var sequence = Interlocked.Increment(ref _sequence);
                var value = new ReconciliationEvent
                {
                    EventId = $"bench-{sequence}",
                    Account = $"acct-{sequence % 1000}",
                    Sequence = sequence,
                    Amount = 1m,
                    Currency = "EUR",
                    ProducedAt = DateTimeOffset.UtcNow,
                };
                using var request = new HttpRequestMessage(HttpMethod.Post, BankApi.ReconcilePath.TrimStart('/'))
                {
                    Content = new ByteArrayContent(ReconciliationEventJson.Serialize(value)),
                };
                request.Headers.Add(BankApi.IdempotencyKeyHeader, value.EventId);
                var started = Stopwatch.GetTimestamp();
                HttpStatusCode status;
                try
                {
                    using var response = await client.SendAsync(request, stop.Token);
                    await response.Content.CopyToAsync(Stream.Null, stop.Token);
                    status = response.StatusCode;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                if (Volatile.Read(ref measuring) == 1)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Increment(ref counts[status switch { HttpStatusCode.OK => 0, HttpStatusCode.TooManyRequests => 1, _ => 2 }]);
                }
            }
        }, cancellationToken)).ToArray();

        await Task.Delay(warmup, cancellationToken);
        var window = Stopwatch.StartNew();
        Volatile.Write(ref measuring, 1);
        await Task.Delay(measure, cancellationToken);
        Volatile.Write(ref measuring, 0);
        var seconds = window.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var answered = counts.Sum();
        return new LoadResult(scenario, seconds, answered, counts[0], counts[1], counts[2],
            all.Length == 0 ? 0 : all[all.Length / 2], all.Length == 0 ? 0 : all[(int)(all.Length * 0.99)]);
    }
}
