using LagLab.LoadTest.Processes;

namespace LagLab.LoadTest.Campaign;

/// <summary>How to run a campaign. Scenario i of a campaign has seed <see cref="Seed"/> + i, so one seed reruns one scenario.</summary>
public sealed record CampaignOptions
{
    public const int MaxCount = 10_000;

    public required int Seed { get; init; }

    public required int Count { get; init; }

    /// <summary>Where seed-N.yaml, runs/seed-N/, campaign.json and summary.md go.</summary>
    public required string OutputDirectory { get; init; }

    public required LaglabLauncher Launcher { get; init; }

    /// <summary>The file given as <c>--calibration</c>, or null: the forecast then uses each scenario as written.</summary>
    public string? CalibrationFile { get; init; }

    public MachineCalibration? Calibration { get; init; }

    /// <summary>Only write the scenario files (and print each one's forecast); run nothing.</summary>
    public bool DryRun { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Fails fast with a message naming the option.</summary>
    public void Validate()
    {
        if (Count < 1 || Count > MaxCount)
        {
            throw new ArgumentException($"--count must be between 1 and {MaxCount}, got {Count}.");
        }
        if (Seed < 0 || (long)Seed + Count - 1 > int.MaxValue)
        {
            throw new ArgumentException($"--seed must be 0 or more, and --seed + --count must stay below {int.MaxValue}, got {Seed}.");
        }
        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new ArgumentException("--out must not be empty.");
        }
    }
}
