using System.Net.Http.Json;
using System.Text;
using LagLab.Contracts;

namespace LagLab.Bank.Tests.Http;

/// <summary>A real bank on a free loopback port and an HttpClient pointed at it.</summary>
internal sealed class TestBank : IAsyncDisposable
{
    private TestBank(BankServer server, HttpClient client)
    {
        Server = server;
        Client = client;
    }

    public BankServer Server { get; }

    public HttpClient Client { get; }

    /// <summary>Starts a bank with no latency and no limiter unless <paramref name="configure"/> says otherwise.</summary>
    public static async Task<TestBank> StartAsync(Action<BankOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new BankOptions { Listen = "127.0.0.1:0", RateLimit = 0, LatencyP50 = TimeSpan.Zero, LatencyP99 = TimeSpan.Zero, Seed = 1 };
        configure?.Invoke(options);
        var server = await BankServer.StartAsync(options, timeProvider: time, cancellationToken: TestContext.Current.CancellationToken);
        return new TestBank(server, new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) });
    }

    public static ReconciliationEvent Event(string id, string account = "acct-1", long sequence = 1) => new()
    {
        EventId = id,
        Account = account,
        Sequence = sequence,
        Amount = 99.95m,
        Currency = "EUR",
        ProducedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    public Task<HttpResponseMessage> ReconcileAsync(ReconciliationEvent value) =>
        SendAsync(value.EventId, ReconciliationEventJson.Serialize(value), TestContext.Current.CancellationToken);

    /// <summary>The same, with the client's own deadline.</summary>
    public Task<HttpResponseMessage> ReconcileUntilAsync(ReconciliationEvent value, CancellationToken clientDeadline) =>
        SendAsync(value.EventId, ReconciliationEventJson.Serialize(value), clientDeadline);

    public Task<HttpResponseMessage> PostAsync(string? key, byte[] body) => SendAsync(key, body, TestContext.Current.CancellationToken);

    private async Task<HttpResponseMessage> SendAsync(string? key, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BankApi.ReconcilePath.TrimStart('/'))
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
        };
        if (key is not null)
        {
            request.Headers.Add(BankApi.IdempotencyKeyHeader, key);
        }
        return await Client.SendAsync(request, cancellationToken);
    }

    public Task<HttpResponseMessage> PostAsync(string? key, string body) => PostAsync(key, Encoding.UTF8.GetBytes(body));

    public async Task<LedgerStats> StatsAsync(string query = "") =>
        (await Client.GetFromJsonAsync(BankApi.LedgerStatsPath.TrimStart('/') + query, ContractsJsonContext.Default.LedgerStats, TestContext.Current.CancellationToken))!;

    public static async Task<ErrorResponse> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.ErrorResponse, TestContext.Current.CancellationToken))!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
