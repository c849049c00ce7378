namespace LagLab.Pipeline.Producing;

/// <summary>Everything <c>laglab produce</c> can be told.</summary>
public sealed class ProduceOptions
{
    public string BootstrapServers { get; set; } = "127.0.0.1:9092";

    public string Topic { get; set; } = "reconciliation-events";

    public RateProfile Profile { get; set; } = RateProfile.Constant(100);

    /// <summary>Stop after this many events; null: until the profile ends (or forever for a constant rate).</summary>
    public long? Count { get; set; }

    /// <summary>Distinct accounts (record keys); each gets its own sequence 1, 2, 3, ...</summary>
    public int Accounts { get; set; } = 100;

    /// <summary>Account names are this prefix and a number.</summary>
    public string AccountPrefix { get; set; } = "acct-";

    /// <summary>Seeds the account choice and amounts, so a run can be repeated exactly.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Extra librdkafka settings (<c>-X key=value</c>), applied last.</summary>
    public Dictionary<string, string> KafkaSettings { get; } = new(StringComparer.Ordinal);

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            throw new ArgumentException("--bootstrap-servers must not be empty.");
        }
        if (string.IsNullOrWhiteSpace(Topic))
        {
            throw new ArgumentException("--topic must not be empty.");
        }
        if (Count is < 1)
        {
            throw new ArgumentException($"--count must be at least 1, got {Count}.");
        }
        if (Accounts is < 1 or > 10_000_000)
        {
            throw new ArgumentException($"--accounts must be between 1 and 10000000, got {Accounts}.");
        }
        if (Count is null && Profile.RepeatLast)
        {
            throw new ArgumentException("--rate without --count would run forever: give --count N (or a --profile file, which ends).");
        }
    }
}
