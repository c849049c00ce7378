namespace LagLab.LoadTest.Results;

/// <summary>
/// A rebalance as the pipelines' ownership lines show it: from the first member's revocation to the last member's
/// assignment of the overlapping revoke → assign pairs of running processes (run seconds).
/// </summary>
public sealed record RebalanceSpan(double From, double To)
{
    public double Seconds => To - From;
}
