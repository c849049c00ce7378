namespace LagLab.Bank.Latency;

/// <summary>Draws how long the bank takes to answer one admitted request.</summary>
internal interface ILatencyModel
{
    /// <summary>One draw; <paramref name="random"/> is the caller's (seeded, not shared across threads).</summary>
    TimeSpan Sample(Random random);

    /// <summary>What the model is, for the start-up log line.</summary>
    string Describe();
}
