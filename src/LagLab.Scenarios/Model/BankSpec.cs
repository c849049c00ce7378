namespace LagLab.Scenarios;

/// <summary><c>bank:</c> the simulated downstream.</summary>
public sealed record BankSpec
{
    /// <summary>Requests per second the bank accepts (token bucket); the write-up's bank: 200.</summary>
    public double RateLimit { get; init; } = 200;

    /// <summary>Token bucket size; null: one second of the rate.</summary>
    public int? Burst { get; init; }

    public LatencySpec Latency { get; init; } = new();

    /// <summary>Share of calls answered with a 5xx (retried by the pipeline).</summary>
    public double ErrorRate { get; init; }

    /// <summary>Share of calls that hang past the client's timeout.</summary>
    public double TimeoutRate { get; init; }

    public IReadOnlyList<Outage> Outages { get; init; } = [];
}
