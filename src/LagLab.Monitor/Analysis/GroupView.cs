namespace LagLab.Monitor.Analysis;

/// <summary>One consumer group after analysis: verdict, totals, predictions and its partitions.</summary>
public sealed record GroupView(
    string Group,
    string State,
    ConsumerStatus Status,
    bool Complete,
    IReadOnlyList<MemberView> Members,
    long LagSum,
    long LagMax,
    double? TimeLagSecondsMax,
    double GrowthPerSecond,
    double? DrainSeconds,
    IReadOnlyList<BreachForecast> Breaches,
    bool DataLoss,
    int NoCommitPartitions,
    IReadOnlyList<PartitionView> Partitions);
