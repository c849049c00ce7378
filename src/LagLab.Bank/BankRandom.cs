using LagLab.Bank.Latency;

namespace LagLab.Bank;

/// <summary>One seeded <see cref="Random"/> shared by every request behind a lock, so a seed reproduces a run's draws.</summary>
internal sealed class BankRandom(int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _lock = new();

    public int Seed { get; } = seed;

    public double NextDouble()
    {
        lock (_lock)
        {
            return _random.NextDouble();
        }
    }

    public TimeSpan SampleLatency(ILatencyModel model)
    {
        lock (_lock)
        {
            return model.Sample(_random);
        }
    }
}
