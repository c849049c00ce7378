using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace LagLab.Pipeline.Bank;

/// <summary>
/// Every bank call goes through here: a Polly v8 pipeline of a circuit breaker around a per-call timeout. Errors, 5xx
/// and timeouts count as failures; 429 does not (throttling is the budget's business, and counting it would open the
/// breaker exactly when the bank is healthy but busy). An open breaker answers at once with <see cref="BankOutcome.BreakerOpen"/>
/// and the time it may close, so callers buffer instead of waiting.
/// </summary>
internal sealed class BankGateway
{
    private readonly BankClient _client;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<BankReply> _pipeline;
    private readonly CircuitBreakerStateProvider _state = new();

    public BankGateway(BankClient client, BreakerSettings settings, TimeProvider time, Action<BreakerState>? onStateChanged = null)
    {
        _client = client;
        _time = time;
        _pipeline = new ResiliencePipelineBuilder<BankReply> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<BankReply>
            {
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,
                StateProvider = _state,
                ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
                OnOpened = _ => Notify(onStateChanged, BreakerState.Open),
                OnHalfOpened = _ => Notify(onStateChanged, BreakerState.HalfOpen),
                OnClosed = _ => Notify(onStateChanged, BreakerState.Closed),
            })
            .AddTimeout(settings.CallTimeout)
            .Build();
    }

    public BreakerState State => _state.CircuitState switch
    {
        CircuitState.Open or CircuitState.Isolated => BreakerState.Open,
        CircuitState.HalfOpen => BreakerState.HalfOpen,
        _ => BreakerState.Closed,
    };

    public async Task<BankReply> ReconcileAsync(string eventId, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (state, ct) => await state.Client.ReconcileAsync(state.EventId, state.Json, ct).ConfigureAwait(false),
                (Client: _client, EventId: eventId, Json: json),
                cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            var retryAt = ex.RetryAfter is { } after ? _time.GetUtcNow() + after : (DateTimeOffset?)null;
            return new BankReply(BankOutcome.BreakerOpen, TimeSpan.Zero, retryAt, "circuit breaker open");
        }
        catch (TimeoutRejectedException)
        {
            return new BankReply(BankOutcome.TimedOut, _time.GetElapsedTime(started), Reason: "no answer within the call timeout");
        }
    }

    private static bool IsFailure(Outcome<BankReply> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException or HttpRequestException } => true,
        { Exception: null } => outcome.Result.Outcome is BankOutcome.Failed or BankOutcome.TimedOut,
        _ => false,
    };

    private static ValueTask Notify(Action<BreakerState>? onStateChanged, BreakerState state)
    {
        onStateChanged?.Invoke(state);
        return ValueTask.CompletedTask;
    }
}
