using System.Collections.Concurrent;
using System.Net;
using Confluent.Kafka;
using LagLab.Contracts;
using LagLab.Pipeline.Bank;
using LagLab.Pipeline.Buffering;
using LagLab.Pipeline.Metrics;
using LagLab.Pipeline.Processing;
using LagLab.Pipeline.Tests.Bank;
using LagLab.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LagLab.Pipeline.Tests.Processing;

public sealed class EventProcessorTests : IDisposable
{
    private static readonly BreakerSettings Breaker = new() { MinimumThroughput = 2, FailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(30), CallTimeout = TimeSpan.FromSeconds(5) };
    private static readonly ProcessorSettings Settings = new() { FirstBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5), SpoolAfter = TimeSpan.FromMilliseconds(500) };

    private readonly TemporaryDirectory _dir = new();
    private readonly RecordingSink _sink = new();
    private readonly PipelineMetrics _metrics = new();
    private readonly ConcurrentQueue<string> _bankSaw = new();
    private readonly PartitionLease _lease = new(new TopicPartition("events", 0), DateTimeOffset.UnixEpoch);
    private long _nextOffset;

    [Fact]
    public async Task HandleAsync_Applied_PublishesResultAndCompletesOffset()
    {
        var processor = Create(_ => Answer(HttpStatusCode.OK));
        var item = Item("acc", 1);

        await processor.HandleAsync(item, TestContext.Current.CancellationToken);

        var result = Assert.Single(_sink.Results);
        Assert.Equal(("applied", "acc", 1L, false), (result.Outcome, result.Account, result.Sequence, result.Spooled));
        Assert.Equal(item.Offset + 1, _lease.Tracker.Committable);
    }

    [Fact]
    public async Task HandleAsync_BankReplays_ResultSaysReplayed()
    {
        var processor = Create(_ => Answer(HttpStatusCode.OK, r => r.Headers.Add("Idempotent-Replayed", "true")));

        await processor.HandleAsync(Item("acc", 1), TestContext.Current.CancellationToken);

        Assert.Equal("replayed", Assert.Single(_sink.Results).Outcome);
    }

    [Fact]
    public async Task HandleAsync_ThrottledThenAccepted_RetriesSameEventOnce()
    {
        var calls = 0;
        var processor = Create(_ => Interlocked.Increment(ref calls) == 1
            ? Answer(HttpStatusCode.TooManyRequests, r => r.Headers.Add("Retry-After-Ms", "20"))
            : Answer(HttpStatusCode.OK));

        await processor.HandleAsync(Item("acc", 1), TestContext.Current.CancellationToken);

        Assert.Equal(2, calls);
        Assert.Single(_sink.Results);
        Assert.Equal(1, _lease.Tracker.Committable);
    }

    [Fact]
    public async Task HandleAsync_ServerErrorsThenSuccess_BacksOffAndApplies()
    {
        var calls = 0;
        var processor = Create(_ => Interlocked.Increment(ref calls) < 3 ? Answer(HttpStatusCode.InternalServerError) : Answer(HttpStatusCode.OK), breaker: Breaker with { MinimumThroughput = 100 });

        await processor.HandleAsync(Item("acc", 1), TestContext.Current.CancellationToken);

        Assert.Equal(3, calls);
        Assert.Single(_sink.Results);
    }

    [Fact]
    public async Task HandleAsync_BankRejects_DeadLettersWithReasonAndCompletes()
    {
        var processor = Create(_ => Answer(HttpStatusCode.BadRequest, r => r.Content = new StringContent("currency is not ISO 4217")));

        await processor.HandleAsync(Item("acc", 1), TestContext.Current.CancellationToken);

        var letter = Assert.Single(_sink.DeadLetters);
        Assert.Contains("currency is not ISO 4217", letter.Reason, StringComparison.Ordinal);
        Assert.Equal(("events", 0, 0L), (letter.Topic, letter.Partition, letter.Offset));
        Assert.Empty(_sink.Results);
        Assert.Equal(1, _lease.Tracker.Committable);
    }

    [Fact]
    public async Task HandleAsync_LeaseAbandonedWhileWaiting_LeavesEventUnfinished()
    {
        var processor = Create(_ => Answer(HttpStatusCode.TooManyRequests, r => r.Headers.Add("Retry-After", "60")));
        var handling = processor.HandleAsync(Item("acc", 1), TestContext.Current.CancellationToken).AsTask();
        await Eventually.TrueAsync(() => !_bankSaw.IsEmpty, "the first call");

        _lease.Abandon();
        await handling;

        Assert.Empty(_sink.Results);
        Assert.Null(_lease.Tracker.Committable);
    }

    [Fact]
    public async Task HandleAsync_DurableAndBankDown_SpoolsAndCommitsWithoutApplying()
    {
        using var spool = DurableSpool.Open(_dir.Path);
        var processor = Create(_ => Answer(HttpStatusCode.ServiceUnavailable, r => r.Headers.Add("Retry-After", "5")), spool);

        await processor.HandleAsync(Item("acc", 1), TestContext.Current.CancellationToken);

        Assert.Equal(1, spool.Depth);
        Assert.Empty(_sink.Results);
        Assert.Equal(1, _lease.Tracker.Committable); // final once spooled
    }

    [Fact]
    public async Task HandleAsync_DurableAccountHasSpooledEvents_LaterEventsQueueBehindAndReplayInOrder()
    {
        using var spool = DurableSpool.Open(_dir.Path);
        var healthy = false;
        var processor = Create(_ => Volatile.Read(ref healthy) ? Answer(HttpStatusCode.OK) : Answer(HttpStatusCode.TooManyRequests, r => r.Headers.Add("Retry-After-Ms", "600")), spool);
        await processor.HandleAsync(Item("acc", 1), TestContext.Current.CancellationToken); // throttled for longer than SpoolAfter: spooled
        Assert.Equal(1, spool.Depth);

        Volatile.Write(ref healthy, true);
        await processor.HandleAsync(Item("other", 1), TestContext.Current.CancellationToken); // unrelated account: straight through
        await processor.HandleAsync(Item("acc", 2), TestContext.Current.CancellationToken); // behind acc/1: spooled, then the replay applies both

        Assert.Equal(0, spool.Depth);
        Assert.Equal([("other", 1L), ("acc", 1L), ("acc", 2L)], _sink.Results.Select(r => (r.Account, r.Sequence)));
        Assert.Equal([false, true, true], _sink.Results.Select(r => r.Spooled));
        Assert.Equal(3, _lease.Tracker.Committable);
    }

    [Fact]
    public async Task HandleAsync_ReplayOfPartitionBeingHandedBack_Skipped()
    {
        using var spool = DurableSpool.Open(_dir.Path);
        var body = ReconciliationEventJson.Serialize(Event("acc", 1));
        spool.Append("acc-1", "acc", "events", 0, 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, body);
        var processor = Create(_ => Answer(HttpStatusCode.OK), spool);

        processor.BeginHandBack([("events", 0)]);
        await processor.HandleAsync(WorkItem.Replay("acc"), TestContext.Current.CancellationToken);
        Assert.Empty(_bankSaw);
        Assert.Equal(1, spool.Depth);

        processor.EndHandBack([("events", 0)]);
        await processor.HandleAsync(WorkItem.Replay("acc"), TestContext.Current.CancellationToken);
        Assert.Equal(0, spool.Depth);
        Assert.Equal("acc-1", Assert.Single(_sink.Results).EventId);
    }

    [Fact]
    public async Task HandleAsync_ReplayWhileStillThrottled_StopsAtFirstEventAndKeepsOrder()
    {
        using var spool = DurableSpool.Open(_dir.Path);
        foreach (var seq in new long[] { 1, 2 })
        {
            spool.Append($"acc-{seq}", "acc", "events", 0, seq, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, ReconciliationEventJson.Serialize(Event("acc", seq)));
        }
        var processor = Create(_ => Answer(HttpStatusCode.TooManyRequests, r => r.Headers.Add("Retry-After-Ms", "10")), spool);

        await processor.HandleAsync(WorkItem.Replay("acc"), TestContext.Current.CancellationToken);

        Assert.Equal(["acc-1"], _bankSaw);
        Assert.Equal(["acc-1", "acc-2"], spool.Peek("acc", 10).Select(e => e.EventId));
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _lease.Dispose();
        _dir.Dispose();
    }

    private EventProcessor Create(Func<HttpRequestMessage, HttpResponseMessage> answer, DurableSpool? spool = null, BreakerSettings? breaker = null)
    {
        var handler = new StubBankHandler((request, _) =>
        {
            _bankSaw.Enqueue(request.Headers.GetValues("Idempotency-Key").Single());
            return Task.FromResult(answer(request));
        });
        var time = TimeProvider.System;
        var gateway = new BankGateway(new BankClient(handler.CreateClient(), time), breaker ?? Breaker, time);
        return new EventProcessor(new BankBudget(10_000, time), gateway, _sink, spool, _metrics, time, Settings, NullLogger.Instance);
    }

    private WorkItem Item(string account, long sequence)
    {
        var evt = Event(account, sequence);
        var offset = _nextOffset++;
        _lease.Tracker.Take(offset);
        return WorkItem.ForEvent(evt, ReconciliationEventJson.Serialize(evt), _lease, offset);
    }

    private static ReconciliationEvent Event(string account, long sequence) => new()
    {
        EventId = $"{account}-{sequence}",
        Account = account,
        Sequence = sequence,
        Amount = 10.5m,
        Currency = "EUR",
        ProducedAt = DateTimeOffset.UtcNow,
    };

    private static HttpResponseMessage Answer(HttpStatusCode status, Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status);
        configure?.Invoke(response);
        return response;
    }
}
