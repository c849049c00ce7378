namespace LagLab.Forecast;

/// <summary>What the recommender may change, one at a time.</summary>
public enum Lever
{
    Partitions,
    Instances,
    Concurrency,
    BankLimit,
}
