namespace LagLab.Forecast.Timeline;

/// <summary>
/// An interval of wall time in which nothing about the fleet changes: who processes which partition
/// (<see cref="Owner"/>, -1 for nobody: rebalancing, dead owner, broker down), who is running, and what is down;
/// <see cref="Trail"/>: how far, at most, a backlogged partition's committed offset trails what was applied (events).
/// </summary>
internal sealed record FleetSegment(double Start, double End, int Partitions, int[] Owner, bool[] Running, bool BrokerDown, bool BankDown, double Trail = 0)
{
    public double Length => End - Start;

    /// <summary>Partitions each instance processes in this segment.</summary>
    public int[] OwnedCounts()
    {
        var counts = new int[Running.Length];
        for (var j = 0; j < Partitions; j++)
        {
            if (Owner[j] >= 0)
            {
                counts[Owner[j]]++;
            }
        }
        return counts;
    }
}
