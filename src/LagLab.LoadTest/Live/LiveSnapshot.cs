namespace LagLab.LoadTest.Live;

/// <summary>What the live view shows of one run at one moment.</summary>
internal sealed record LiveSnapshot(
    string Title,
    string Phase,
    double Elapsed,
    double Total,
    long[] Lag,
    double MaxTimeLag,
    double ProducedRate,
    double AppliedRate,
    double BankLimit,
    long Produced,
    long Applied,
    string GroupState,
    int Members,
    IReadOnlyList<string> FiringAlerts,
    IReadOnlyList<TimelineEvent> RecentEvents,
    IReadOnlyList<string> UnexpectedExits)
{
    public long TotalLag => Lag.Sum();
}
