using System.Net;
using LagLab.Pipeline.Bank;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Pipeline.Tests.Bank;

public sealed class BankGatewayTests
{
    private static readonly BreakerSettings Settings = new()
    {
        CallTimeout = TimeSpan.FromSeconds(1),
        FailureRatio = 0.5,
        MinimumThroughput = 4,
        SamplingDuration = TimeSpan.FromSeconds(10),
        BreakDuration = TimeSpan.FromSeconds(5),
    };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ReconcileAsync_Many429s_BreakerStaysClosed()
    {
        using var handler = new StubBankHandler(HttpStatusCode.TooManyRequests, r => r.Headers.Add("Retry-After", "1"));
        var gateway = Create(handler, out _);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(BankOutcome.Throttled, (await CallAsync(gateway)).Outcome);
        }

        Assert.Equal(BreakerState.Closed, gateway.State);
        Assert.Equal(20, handler.Requests.Count);
    }

    [Fact]
    public async Task ReconcileAsync_ErrorsAboveRatio_OpensAndAnswersWithoutCalling()
    {
        using var handler = new StubBankHandler(HttpStatusCode.InternalServerError);
        var gateway = Create(handler, out var states);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(BankOutcome.Failed, (await CallAsync(gateway)).Outcome);
        }
        var reply = await CallAsync(gateway);

        Assert.Equal(BreakerState.Open, gateway.State);
        Assert.Equal([BreakerState.Open], states);
        Assert.Equal(BankOutcome.BreakerOpen, reply.Outcome);
        Assert.Equal(_time.GetUtcNow() + Settings.BreakDuration, reply.RetryAt);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task ReconcileAsync_FailuresBelowRatio_StaysClosed()
    {
        var calls = 0;
        using var handler = new StubBankHandler((_, _) =>
            Task.FromResult(new HttpResponseMessage(Interlocked.Increment(ref calls) % 3 == 0 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK)));
        var gateway = Create(handler, out _);

        for (var i = 0; i < 30; i++)
        {
            await CallAsync(gateway);
        }

        Assert.Equal(BreakerState.Closed, gateway.State);
    }

    [Fact]
    public async Task ReconcileAsync_AfterBreakDuration_ProbeSucceedsAndCloses()
    {
        var healthy = false;
        using var handler = new StubBankHandler((_, _) =>
            Task.FromResult(new HttpResponseMessage(Volatile.Read(ref healthy) ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable)));
        var gateway = Create(handler, out var states);
        for (var i = 0; i < 4; i++)
        {
            await CallAsync(gateway);
        }
        Assert.Equal(BreakerState.Open, gateway.State);

        Volatile.Write(ref healthy, true);
        _time.Advance(Settings.BreakDuration - TimeSpan.FromMilliseconds(1));
        Assert.Equal(BankOutcome.BreakerOpen, (await CallAsync(gateway)).Outcome);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(BankOutcome.Applied, (await CallAsync(gateway)).Outcome);

        Assert.Equal(BreakerState.Closed, gateway.State);
        Assert.Equal([BreakerState.Open, BreakerState.HalfOpen, BreakerState.Closed], states);
    }

    [Fact]
    public async Task ReconcileAsync_ProbeFails_OpensAgain()
    {
        using var handler = new StubBankHandler(HttpStatusCode.BadGateway);
        var gateway = Create(handler, out var states);
        for (var i = 0; i < 4; i++)
        {
            await CallAsync(gateway);
        }

        _time.Advance(Settings.BreakDuration);
        Assert.Equal(BankOutcome.Failed, (await CallAsync(gateway)).Outcome);

        Assert.Equal(BreakerState.Open, gateway.State);
        Assert.Equal([BreakerState.Open, BreakerState.HalfOpen, BreakerState.Open], states);
    }

    [Fact]
    public async Task ReconcileAsync_NoAnswerWithinTimeout_TimedOutAndCountsAsFailure()
    {
        using var handler = new StubBankHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var gateway = Create(handler, out _);

        for (var i = 0; i < 4; i++)
        {
            var call = CallAsync(gateway);
            await Eventually.TrueAsync(() => handler.Requests.Count == i + 1, "request sent");
            _time.Advance(Settings.CallTimeout);
            Assert.Equal(BankOutcome.TimedOut, (await call).Outcome);
        }

        Assert.Equal(BreakerState.Open, gateway.State);
    }

    private BankGateway Create(StubBankHandler handler, out List<BreakerState> states)
    {
        var seen = new List<BreakerState>();
        states = seen;
        return new BankGateway(new BankClient(handler.CreateClient(), _time), Settings, _time, s =>
        {
            lock (seen)
            {
                seen.Add(s);
            }
        });
    }

    private static Task<BankReply> CallAsync(BankGateway gateway) =>
        gateway.ReconcileAsync("e-1", "{}"u8.ToArray(), TestContext.Current.CancellationToken);
}
