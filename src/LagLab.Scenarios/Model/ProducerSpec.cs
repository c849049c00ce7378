using LagLab.Scenarios.Profiles;

namespace LagLab.Scenarios;

/// <summary><c>producer:</c> the traffic.</summary>
public sealed record ProducerSpec
{
    /// <summary>Events per second as a function of scenario time.</summary>
    public required RateProfile Rate { get; init; }

    /// <summary>Distinct accounts (record keys); events of one account are ordered.</summary>
    public int Accounts { get; init; } = 1000;

    /// <summary>How long the run lasts, in scenario time.</summary>
    public required TimeSpan Duration { get; init; }
}
