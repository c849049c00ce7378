using System.Net;
using System.Text;
using LagLab.Pipeline.Bank;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Pipeline.Tests.Bank;

public sealed class BankClientTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"eventId":"e-1"}""");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ReconcileAsync_Request_PostsJsonWithIdempotencyKey()
    {
        using var handler = new StubBankHandler(HttpStatusCode.OK);
        using var http = handler.CreateClient();

        await new BankClient(http, _time).ReconcileAsync("e-1", Body, TestContext.Current.CancellationToken);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/v1/reconcile", request.RequestUri!.AbsolutePath);
        Assert.Equal("e-1", Assert.Single(request.Headers.GetValues("Idempotency-Key")));
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("""{"eventId":"e-1"}""", body);
    }

    [Fact]
    public async Task ReconcileAsync_200_Applied()
    {
        var reply = await CallAsync(new StubBankHandler(HttpStatusCode.OK));

        Assert.Equal(BankOutcome.Applied, reply.Outcome);
        Assert.True(reply.IsApplied);
    }

    [Fact]
    public async Task ReconcileAsync_200Replayed_Replayed()
    {
        var reply = await CallAsync(new StubBankHandler(HttpStatusCode.OK, r => r.Headers.Add("Idempotent-Replayed", "true")));

        Assert.Equal(BankOutcome.Replayed, reply.Outcome);
        Assert.True(reply.IsApplied);
    }

    [Fact]
    public async Task ReconcileAsync_429WithRetryAfterMs_ThrottledUntilThen()
    {
        var reply = await CallAsync(new StubBankHandler(HttpStatusCode.TooManyRequests, r =>
        {
            r.Headers.Add("Retry-After", "1");
            r.Headers.Add("Retry-After-Ms", "250");
        }));

        Assert.Equal(BankOutcome.Throttled, reply.Outcome);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMilliseconds(250), reply.RetryAt);
    }

    [Fact]
    public async Task ReconcileAsync_429WithDeltaSeconds_ThrottledForThatLong()
    {
        var reply = await CallAsync(new StubBankHandler(HttpStatusCode.TooManyRequests, r => r.Headers.Add("Retry-After", "3")));

        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(3), reply.RetryAt);
    }

    [Fact]
    public async Task ReconcileAsync_429WithHttpDate_ThrottledUntilThatDate()
    {
        var until = _time.GetUtcNow() + TimeSpan.FromSeconds(30);
        var reply = await CallAsync(new StubBankHandler(HttpStatusCode.TooManyRequests, r => r.Headers.Add("Retry-After", until.ToString("R"))));

        Assert.Equal(until, reply.RetryAt);
    }

    [Fact]
    public async Task ReconcileAsync_503_FailedAndTransient()
    {
        var reply = await CallAsync(new StubBankHandler(HttpStatusCode.ServiceUnavailable, r => r.Content = new StringContent("outage")));

        Assert.Equal(BankOutcome.Failed, reply.Outcome);
        Assert.True(reply.IsTransient);
        Assert.Equal("503 outage", reply.Reason);
    }

    [Fact]
    public async Task ReconcileAsync_400_RejectedWithTheBanksReason()
    {
        var reply = await CallAsync(new StubBankHandler(HttpStatusCode.BadRequest, r => r.Content = new StringContent("""{"error":"bad_request","reason":"currency"}""")));

        Assert.Equal(BankOutcome.Rejected, reply.Outcome);
        Assert.False(reply.IsTransient);
        Assert.Contains("currency", reply.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReconcileAsync_ConnectionRefused_Failed()
    {
        var reply = await CallAsync(new StubBankHandler((_, _) => throw new HttpRequestException("Connection refused")));

        Assert.Equal(BankOutcome.Failed, reply.Outcome);
        Assert.Equal("Connection refused", reply.Reason);
    }

    [Fact]
    public async Task ReconcileAsync_Latency_MeasuredOnTheInjectedClock()
    {
        var reply = await CallAsync(new StubBankHandler((_, _) =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(42));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }));

        Assert.Equal(TimeSpan.FromMilliseconds(42), reply.Latency);
    }

    private async Task<BankReply> CallAsync(StubBankHandler handler)
    {
        using (handler)
        using (var http = handler.CreateClient())
        {
            return await new BankClient(http, _time).ReconcileAsync("e-1", Body, TestContext.Current.CancellationToken);
        }
    }
}
