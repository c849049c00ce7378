using Confluent.Kafka;
using LagLab.Bank;
using LagLab.Contracts;
using LagLab.Metrics;
using LagLab.Pipeline.Bank;
using LagLab.Pipeline.Metrics;
using LagLab.Pipeline.Processing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LagLab.Pipeline.Tests.Processing;

/// <summary>
/// Regression: the bank answered a reused event id with another amount as a replay, so the pipeline recorded a conflicting
/// event as done. Against the real bank over HTTP, the 409 is final: dead-lettered with the differing fields as the reason,
/// called once (never retried), counted in the pipeline's metrics.
/// </summary>
public sealed class IdempotencyConflictTests : IDisposable
{
    private readonly RecordingSink _sink = new();
    private readonly PipelineMetrics _metrics = new();
    private readonly PartitionLease _lease = new(new TopicPartition("events", 0), DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task HandleAsync_EventIdReusedWithAnotherAmount_DeadLettersNamingTheFieldAndNeverRetries()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var bank = await BankServer.StartAsync(new BankOptions { Listen = "127.0.0.1:0", RateLimit = 0, LatencyP50 = TimeSpan.Zero, LatencyP99 = TimeSpan.Zero }, cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = bank.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var exporter = new PrometheusTextExporter(_metrics.Meter, PipelineMetrics.SecondsBuckets);
        var time = TimeProvider.System;
        var gateway = new BankGateway(new BankClient(http, time), new BreakerSettings { CallTimeout = TimeSpan.FromSeconds(30) }, time);
        var processor = new EventProcessor(new BankBudget(10_000, time), gateway, _sink, null, _metrics, time,
            new ProcessorSettings { FirstBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5) }, NullLogger.Instance);
        var original = Event(10.00m);

        await processor.HandleAsync(Item(original, 0), ct);
        await processor.HandleAsync(Item(original with { Amount = 12.50m }, 1), ct);

        Assert.Equal("applied", Assert.Single(_sink.Results).Outcome);
        var letter = Assert.Single(_sink.DeadLetters);
        Assert.StartsWith("bank refused a reused event id: idempotency conflict on amount:", letter.Reason, StringComparison.Ordinal);
        Assert.Equal(1L, letter.Offset);
        Assert.Equal(2, _lease.Tracker.Committable);
        var stats = bank.GetStats();
        Assert.Equal((1L, 1L, 0L), (stats.Applied, stats.Conflicts, stats.Duplicates));
        var text = exporter.Render();
        Assert.Contains("laglab_pipeline_bank_requests_total{outcome=\"conflict\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("laglab_pipeline_events_processed_total{outcome=\"dead_lettered\"} 1\n", text, StringComparison.Ordinal);
    }

    public void Dispose() => _metrics.Dispose();

    private static ReconciliationEvent Event(decimal amount) => new()
    {
        EventId = "evt-1",
        Account = "acc",
        Sequence = 1,
        Amount = amount,
        Currency = "EUR",
        ProducedAt = DateTimeOffset.UtcNow,
    };

    private WorkItem Item(ReconciliationEvent evt, long offset)
    {
        _lease.Tracker.Take(offset);
        return WorkItem.ForEvent(evt, ReconciliationEventJson.Serialize(evt), _lease, offset);
    }
}
