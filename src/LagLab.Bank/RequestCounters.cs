namespace LagLab.Bank;

/// <summary>One lock-free counter per <see cref="RequestOutcome"/>: the single source for both stats and metrics.</summary>
internal sealed class RequestCounters
{
    private static readonly RequestOutcome[] AllOutcomes = Enum.GetValues<RequestOutcome>();
    private readonly long[] _counts = new long[AllOutcomes.Length];

    public static IReadOnlyList<RequestOutcome> Outcomes => AllOutcomes;

    public long this[RequestOutcome outcome] => Interlocked.Read(ref _counts[(int)outcome]);

    public void Increment(RequestOutcome outcome) => Interlocked.Increment(ref _counts[(int)outcome]);

    /// <summary>The metric label: snake_case of the outcome.</summary>
    public static string Label(RequestOutcome outcome) => outcome switch
    {
        RequestOutcome.Applied => "applied",
        RequestOutcome.Duplicate => "duplicate",
        RequestOutcome.Conflict => "conflict",
        RequestOutcome.RateLimited => "rate_limited",
        RequestOutcome.BadRequest => "bad_request",
        RequestOutcome.Error => "error",
        RequestOutcome.Timeout => "timeout",
        RequestOutcome.Outage => "outage",
        RequestOutcome.Overloaded => "overloaded",
        RequestOutcome.Abandoned => "abandoned",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
