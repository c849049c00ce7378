namespace LagLab.LoadTest;

/// <summary>How a load test ended: the exit code (0 every SLO held, 1 one was violated, 2 the run failed) and where the report is.</summary>
public sealed record LoadTestOutcome(int ExitCode, string? ReportPath, IReadOnlyList<(string Scenario, bool Passed)> Runs, string? Error)
{
    public const int Passed = 0;
    public const int SloViolated = 1;
    public const int Failed = 2;
}
