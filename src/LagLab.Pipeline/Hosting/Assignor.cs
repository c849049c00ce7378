namespace LagLab.Pipeline.Hosting;

/// <summary>The partition assignment strategy (<c>--assignor</c>).</summary>
public enum Assignor
{
    /// <summary>Incremental (cooperative) rebalancing: only moved partitions stop.</summary>
    CooperativeSticky,

    /// <summary>Eager: every rebalance revokes every partition of every member.</summary>
    Range,

    /// <summary>Eager, round-robin.</summary>
    RoundRobin,
}
