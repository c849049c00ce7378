namespace LagLab.LoadTest.Campaign;

/// <summary>One invariant on one run, with the evidence in words (counts, the worst point, what was missing).</summary>
public sealed record InvariantResult(string Name, InvariantStatus Status, string Detail)
{
    public const string NoUnexpectedExit = "no unexpected exit";
    public const string LedgerExact = "ledger exact";
    public const string MonitorAgrees = "monitor agrees with the harness";
    public const string ForecastWithinTolerance = "forecast of max lag";
}
