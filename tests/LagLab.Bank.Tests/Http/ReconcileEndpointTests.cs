using System.Net;
using System.Net.Http.Json;
using LagLab.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Bank.Tests.Http;

public sealed class ReconcileEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reconcile_NewEvent_AppliesAndAnswersTheLedgerEntry()
    {
        await using var bank = await TestBank.StartAsync();

        using var response = await bank.ReconcileAsync(TestBank.Event("e1", "acct-9", 3));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(BankApi.IdempotentReplayedHeader));
        var body = await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.ReconcileResponse, Ct);
        Assert.Equal(("e1", "acct-9", 3L, 1L), (body!.EventId, body.Account, body.Sequence, body.LedgerIndex));
    }

    [Fact]
    public async Task Reconcile_BurstOverTheLimit_Answers429WithRetryAfterAndDoesNotApply()
    {
        // One token per 10 s with a burst of 3: the 4th request waits up to 10 s for its token, however slow this machine is.
        await using var bank = await TestBank.StartAsync(o => { o.RateLimit = 0.1; o.Burst = 3; });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await bank.ReconcileAsync(TestBank.Event($"e{i}", sequence: i + 1));
            statuses.Add(response.StatusCode);
            refused = response;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var retryAfterMs = long.Parse(refused!.Headers.GetValues(BankApi.RetryAfterMsHeader).Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfterMs, 1, 10_000);
        Assert.Equal(TimeSpan.FromSeconds(Math.Ceiling(retryAfterMs / 1000.0)), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("rate_limited", (await TestBank.ErrorOf(refused)).Error);
        var stats = await bank.StatsAsync();
        Assert.Equal((3L, 1L), (stats.Applied, stats.Rejected));
        refused.Dispose();
    }

    [Fact]
    public async Task Reconcile_SameKeyTwice_SecondAnswersTheOriginalMarkedReplayed()
    {
        await using var bank = await TestBank.StartAsync();
        using var first = await bank.ReconcileAsync(TestBank.Event("e1"));
        var original = await first.Content.ReadAsStringAsync(Ct);

        using var second = await bank.ReconcileAsync(TestBank.Event("e1"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues(BankApi.IdempotentReplayedHeader).Single());
        Assert.Equal(original, await second.Content.ReadAsStringAsync(Ct));
        var stats = await bank.StatsAsync();
        Assert.Equal((1L, 1L), (stats.Applied, stats.Duplicates));
    }

    [Theory]
    [InlineData("e1", "{\"eventId\":\"e1\"", "invalid JSON")]
    [InlineData("e1", """{"eventId":"e1","account":"a","sequence":1,"amount":1,"currency":"EUR"}""", "producedAt")]
    [InlineData("e1", """{"eventId":"e1","account":"a","sequence":1,"amount":1,"currency":"euro","producedAt":"2025-01-01T00:00:00Z"}""", "currency")]
    [InlineData("other", """{"eventId":"e1","account":"a","sequence":1,"amount":1,"currency":"EUR","producedAt":"2025-01-01T00:00:00Z"}""", "does not match eventId")]
    [InlineData(null, """{"eventId":"e1","account":"a","sequence":1,"amount":1,"currency":"EUR","producedAt":"2025-01-01T00:00:00Z"}""", "missing Idempotency-Key")]
    public async Task Reconcile_BadRequest_Answers400WithTheReason(string? key, string body, string reason)
    {
        await using var bank = await TestBank.StartAsync();

        using var response = await bank.PostAsync(key, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await TestBank.ErrorOf(response);
        Assert.Equal("bad_request", error.Error);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        var stats = await bank.StatsAsync();
        Assert.Equal((0L, 1L), (stats.Applied, stats.BadRequests));
    }

    [Fact]
    public async Task Reconcile_BodyOverTheLimit_Answers413()
    {
        await using var bank = await TestBank.StartAsync(o => o.MaxBodyBytes = 1024);

        using var response = await bank.PostAsync("e1", new byte[2048]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("limit of 1024", (await TestBank.ErrorOf(response)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_ErrorRateOne_Answers500AndDoesNotApply()
    {
        await using var bank = await TestBank.StartAsync(o => o.ErrorRate = 1);

        using var response = await bank.ReconcileAsync(TestBank.Event("e1"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var stats = await bank.StatsAsync();
        Assert.Equal((0L, 1L), (stats.Applied, stats.Errors));
    }

    [Fact]
    public async Task Reconcile_TimeoutRateOne_HoldsPastTheClientTimeoutAndDoesNotApply()
    {
        // The hold runs on fake time, so it never ends by itself: only the client giving up ends it.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bank = await TestBank.StartAsync(o => o.TimeoutRate = 1, time);

        await SendAndLeaveOnceHeldAsync(bank);

        var stats = await WaitForAsync(bank, s => s.Timeouts == 1);
        Assert.Equal(0, stats.Applied);
    }

    [Fact]
    public async Task Reconcile_TimeoutHoldElapses_Answers504()
    {
        await using var bank = await TestBank.StartAsync(o => { o.TimeoutRate = 1; o.TimeoutHold = TimeSpan.FromMilliseconds(50); });

        using var response = await bank.ReconcileAsync(TestBank.Event("e1"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    public async Task Reconcile_DuringScheduledOutage_Answers503WithRetryAfterToItsEnd()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bank = await TestBank.StartAsync(o => o.Outages.Add(new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30))), time);

        using var before = await bank.ReconcileAsync(TestBank.Event("e1", sequence: 1));
        time.Advance(TimeSpan.FromSeconds(40));
        using var during = await bank.ReconcileAsync(TestBank.Event("e2", sequence: 2));
        time.Advance(TimeSpan.FromSeconds(20));
        using var after = await bank.ReconcileAsync(TestBank.Event("e2", sequence: 2));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(20), during.Headers.RetryAfter?.Delta);
        Assert.Equal("20000", during.Headers.GetValues(BankApi.RetryAfterMsHeader).Single());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var stats = await bank.StatsAsync();
        Assert.Equal((2L, 1L), (stats.Applied, stats.Unavailable));
    }

    [Fact]
    public async Task AdminOutage_For_StartsAnOutageNow()
    {
        await using var bank = await TestBank.StartAsync();

        using var started = await bank.Client.PostAsync("v1/admin/outage?for=1m", null, Ct);
        using var refused = await bank.ReconcileAsync(TestBank.Event("e1"));
        using var bad = await bank.Client.PostAsync("v1/admin/outage?for=soon", null, Ct);

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("outage", (await TestBank.ErrorOf(refused)).Error);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Reconcile_OverMaxConcurrency_Answers503AtOnce()
    {
        await using var bank = await TestBank.StartAsync(o =>
        {
            o.MaxConcurrency = 1;
            o.LatencyP50 = TimeSpan.FromMilliseconds(500);
            o.LatencyP99 = TimeSpan.FromMilliseconds(500);
        });

        var slow = bank.ReconcileAsync(TestBank.Event("e1", sequence: 1));
        await WaitForAsync(bank, _ => bank.Server.GetStats().Applied == 0 && InFlight(bank) == 1);
        using var refused = await bank.ReconcileAsync(TestBank.Event("e2", sequence: 2));
        using var applied = await slow;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("overloaded", (await TestBank.ErrorOf(refused)).Error);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
    }

    [Fact]
    public async Task Reconcile_ClientLeavesDuringLatency_CountsAbandonedAndDoesNotApply()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bank = await TestBank.StartAsync(o => { o.LatencyP50 = TimeSpan.FromSeconds(1); o.LatencyP99 = TimeSpan.FromSeconds(1); }, time);

        await SendAndLeaveOnceHeldAsync(bank);

        var stats = await WaitForAsync(bank, s => s.Abandoned == 1);
        Assert.Equal(0, stats.Applied);
    }

    [Fact]
    public async Task Reconcile_OutOfOrderForAnAccount_StatsCountTheViolation()
    {
        await using var bank = await TestBank.StartAsync();

        (await bank.ReconcileAsync(TestBank.Event("e2", "a", 2))).Dispose();
        (await bank.ReconcileAsync(TestBank.Event("e1", "a", 1))).Dispose();
        (await bank.ReconcileAsync(TestBank.Event("f1", "b", 1))).Dispose();

        var stats = await bank.StatsAsync("?accounts=true");
        Assert.Equal(1, stats.OrderViolations);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 1 }, stats.OrderViolationsByAccount);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 2, ["b"] = 1 }, stats.AppliedByAccount);
    }

    /// <summary>
    /// Sends one event and gives up on it only once the bank holds the request (a fixed client timeout raced the
    /// request's arrival on a busy machine); the call ends cancelled.
    /// </summary>
    private static async Task SendAndLeaveOnceHeldAsync(TestBank bank)
    {
        using var clientTimeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var call = bank.ReconcileUntilAsync(TestBank.Event("e1"), clientTimeout.Token);
        var held = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (InFlight(bank) == 0)
        {
            Assert.True(DateTime.UtcNow < held, "the request never reached the bank within 30 s");
            await Task.Delay(10, Ct);
        }
        await clientTimeout.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    private static long InFlight(TestBank bank)
    {
        var text = bank.Client.GetStringAsync("metrics", Ct).GetAwaiter().GetResult();
        var line = text.Split('\n').Single(l => l.StartsWith("laglab_bank_in_flight ", StringComparison.Ordinal));
        return long.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<LedgerStats> WaitForAsync(TestBank bank, Func<LedgerStats, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var stats = bank.Server.GetStats();
            if (condition(stats))
            {
                return stats;
            }
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 30 s");
            await Task.Delay(10, Ct);
        }
    }
}
