using LagLab.Scenarios;

namespace LagLab.Forecast.Simulation;

/// <summary>
/// The first-principles capacity of one instance, in useful events/s:
/// blocking: one call at a time, so 1 / mean latency; concurrent: Little's law, in-flight / mean latency,
/// where in-flight is bounded by the concurrency and by the accounts the instance owns (per-account order);
/// then the client budget share and the bank's error share.
/// </summary>
internal sealed class FleetParameters
{
    public FleetParameters(Scenario scenario)
    {
        var fleet = scenario.Fleet;
        var bank = scenario.Bank;
        // Service time of one call as the pipeline sees it: the bank's latency plus its own overhead.
        MeanLatency = bank.Latency.MeanSeconds + fleet.CallOverhead.TotalSeconds;
        Blocking = fleet.Processing == ProcessingMode.Blocking;
        Concurrency = fleet.Concurrency;
        Accounts = scenario.Producer.Accounts;
        GoodShare = 1 - bank.ErrorRate - bank.TimeoutRate;
        ClientBudget = fleet.RateLimit;
        BankCap = bank.RateLimit;
        Durable = fleet.Buffer == BufferMode.Durable;
        BufferLimit = fleet.BufferLimit;
    }

    public double MeanLatency { get; }

    public bool Blocking { get; }

    public int Concurrency { get; }

    public int Accounts { get; }

    /// <summary>Share of bank calls that succeed (failed calls are retried and cost a call each).</summary>
    public double GoodShare { get; }

    public double? ClientBudget { get; }

    /// <summary>The bank's limit in calls/s.</summary>
    public double BankCap { get; }

    public bool Durable { get; }

    public int BufferLimit { get; }

    /// <summary>Calls/s one instance can make when it owns <paramref name="owned"/> of <paramref name="partitions"/>.</summary>
    public double Calls(int owned, int partitions)
    {
        if (Blocking)
        {
            return 1 / MeanLatency;
        }
        // Per-account ordering: no more calls in flight than accounts this instance owns.
        var accounts = Math.Max(1, Accounts * (double)owned / Math.Max(1, partitions));
        return Math.Min(Concurrency, accounts) / MeanLatency;
    }

    /// <summary>Useful events/s of one instance (before the bank's global cap).</summary>
    public double Capacity(int owned, int partitions)
    {
        var calls = Calls(owned, partitions);
        if (ClientBudget is { } budget)
        {
            // The pipeline splits its budget by share of partitions.
            calls = Math.Min(calls, budget * Math.Max(owned, 1) / Math.Max(1, partitions));
        }
        return calls * GoodShare;
    }

    /// <summary>The bank's limit in useful events/s, shared by the whole fleet.</summary>
    public double BankCapacity => BankCap * GoodShare;
}
