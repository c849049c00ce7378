namespace LagLab.Bench.Bank;

/// <summary>What one scenario achieved over its measured window.</summary>
internal sealed record LoadResult(string Scenario, double Seconds, long Answered, long Ok, long RateLimited, long Failed, double P50Ms, double P99Ms)
{
    public double AnsweredPerSecond => Answered / Seconds;

    public double OkPerSecond => Ok / Seconds;
}
