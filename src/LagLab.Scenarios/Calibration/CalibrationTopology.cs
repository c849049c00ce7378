namespace LagLab.Scenarios;

/// <summary>
/// The fleet a calibration was measured on. Mechanisms measured on one topology (blocking vs concurrent, eager vs
/// static) do not transfer to another, so applying the calibration to a scenario that differs here is warned about.
/// </summary>
public sealed record CalibrationTopology(
    int Partitions,
    int Instances,
    Assignor Assignor,
    bool StaticMembership,
    ProcessingMode Processing,
    int Concurrency,
    double? RateLimit,
    double BankRateLimit,
    TimeSpan BankMeanLatency)
{
    public static CalibrationTopology Of(Scenario scenario) => new(
        scenario.Topic.Partitions,
        scenario.Fleet.Instances,
        scenario.Fleet.Assignor,
        scenario.Fleet.StaticMembership,
        scenario.Fleet.Processing,
        scenario.Fleet.Concurrency,
        scenario.Fleet.RateLimit,
        scenario.Bank.RateLimit,
        TimeSpan.FromSeconds(scenario.Bank.Latency.MeanSeconds));

    /// <summary>How <paramref name="scenario"/> differs from this topology, in words (empty: the same).</summary>
    public IReadOnlyList<string> Differences(Scenario scenario)
    {
        var other = Of(scenario);
        var differences = new List<string>();
        void Check<T>(string name, T measured, T now)
        {
            if (!EqualityComparer<T>.Default.Equals(measured, now))
            {
                differences.Add($"{name}: calibrated with {measured}, the scenario has {now}");
            }
        }
        Check("topic.partitions", Partitions, other.Partitions);
        Check("fleet.instances", Instances, other.Instances);
        Check("fleet.assignor", Assignor, other.Assignor);
        Check("fleet.static_membership", StaticMembership, other.StaticMembership);
        Check("fleet.processing", Processing, other.Processing);
        Check("fleet.concurrency", Concurrency, other.Concurrency);
        Check("fleet.rate_limit", RateLimit, other.RateLimit);
        Check("bank.rate_limit", BankRateLimit, other.BankRateLimit);
        if (Math.Abs((BankMeanLatency - other.BankMeanLatency).TotalMilliseconds) > 0.05)
        {
            differences.Add($"bank latency: calibrated with a {BankMeanLatency.TotalMilliseconds:0.##} ms mean, the scenario has {other.BankMeanLatency.TotalMilliseconds:0.##} ms");
        }
        return differences;
    }
}
