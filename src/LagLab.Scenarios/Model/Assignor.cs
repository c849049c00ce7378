namespace LagLab.Scenarios;

/// <summary><c>partition.assignment.strategy</c> of the consumer group.</summary>
public enum Assignor
{
    /// <summary>Eager: every rebalance stops the whole group.</summary>
    Range,

    /// <summary>Eager: every rebalance stops the whole group.</summary>
    RoundRobin,

    /// <summary>Incremental: only moved partitions stop.</summary>
    CooperativeSticky,
}
