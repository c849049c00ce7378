using LagLab.LoadTest.Live;
using LagLab.LoadTest.Processes;
using LagLab.Scenarios;

namespace LagLab.LoadTest;

/// <summary>How to run a load test (as opposed to what: that is the scenario). Defaults live here.</summary>
public sealed record LoadTestOptions
{
    public static readonly TimeSpan DefaultDrainTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Where report.html, results.json, lag.csv and the parts' logs go.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>How the parts (<c>laglab broker|bank|monitor|pipeline</c>) are started.</summary>
    public required LaglabLauncher Launcher { get; init; }

    /// <summary>After the traffic stops, how long to wait for the backlog to drain before judging lost events.</summary>
    public TimeSpan DrainTimeout { get; init; } = DefaultDrainTimeout;

    /// <summary>host:port for the bank (a <c>fleet: external</c> pipeline must be told where it is); null picks a free port.</summary>
    public string? BankListen { get; init; }

    public LiveViewMode LiveView { get; init; } = LiveViewMode.Auto;

    /// <summary>Keep the broker's data and the spools under OUT/work after the run.</summary>
    public bool KeepWorkFiles { get; init; }

    /// <summary>Seed of accounts, amounts and the bank's draws, for reproducible runs.</summary>
    public int Seed { get; init; } = 42;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// The calibration whose measured mechanisms the report's forecast uses for a scenario (<c>--calibration FILE</c>;
    /// the demo uses the built-ins'); null: the forecast is uncalibrated, a range whose midpoint is compared.
    /// </summary>
    public Func<Scenario, Scenarios.Calibration?> CalibrationFor { get; init; } = _ => null;

    /// <summary>Fails fast with a message naming the option.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new ArgumentException("--out must not be empty.");
        }
        if (DrainTimeout < TimeSpan.Zero || DrainTimeout > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"--drain-timeout must be between 0 and 1h, got {DrainTimeout}.");
        }
        if (BankListen is { } listen && (!System.Net.IPEndPoint.TryParse(listen.Replace("localhost", "127.0.0.1", StringComparison.Ordinal), out var endpoint) || endpoint.Port == 0 || !listen.Contains(':', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"--bank-listen must be host:port with a port above 0 (e.g. 127.0.0.1:8080), got '{listen}'.");
        }
    }
}
