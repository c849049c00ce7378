namespace LagLab.LoadTest.Campaign;

/// <summary>One scenario of a campaign: what ran, how each invariant came out, and the one command that reruns it.</summary>
public sealed record CampaignRun
{
    public required int Index { get; init; }
    public required int Seed { get; init; }
    public required string ScenarioFile { get; init; }
    public required string RunDirectory { get; init; }
    public required string Description { get; init; }
    /// <summary>The load test's exit code: 0 every SLO held, 1 one was violated (not an invariant), 2 the run failed.</summary>
    public required int ExitCode { get; init; }
    public required double WallSeconds { get; init; }
    public required IReadOnlyList<InvariantResult> Invariants { get; init; }
    /// <summary>The campaign's (calibrated) forecast of max lag, its measurement and the error in percent.</summary>
    public double? ForecastMaxLag { get; init; }
    public double? MeasuredMaxLag { get; init; }
    public double? ForecastErrorPercent { get; init; }
    /// <summary>For reference: results.json's forecasts from the scenario as written and from the run's measured mechanisms.</summary>
    public double? ScenarioForecastErrorPercent { get; init; }
    public double? MeasuredMechanismsErrorPercent { get; init; }
    public required string Reproduce { get; init; }
    public required string ReproduceLoadTest { get; init; }

    /// <summary>PASS when every invariant passed, FAIL when one failed, INCOMPLETE when one could not be measured.</summary>
    public string Verdict =>
        Invariants.Any(i => i.Status == InvariantStatus.Fail) ? "FAIL"
        : Invariants.Any(i => i.Status == InvariantStatus.NotMeasured) ? "INCOMPLETE"
        : "PASS";
}
