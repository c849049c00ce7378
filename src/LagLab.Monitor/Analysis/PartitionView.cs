using LagLab.Monitor.Model;

namespace LagLab.Monitor.Analysis;

/// <summary>One group's partition after analysis. Null lag: no committed offset (<see cref="NoCommit"/>).</summary>
public sealed record PartitionView(
    string Topic,
    int Partition,
    long? Committed,
    long Latest,
    long Earliest,
    long? Lag,
    double? TimeLagSeconds,
    TimeLagMethod TimeLagMethod,
    ConsumerStatus Status,
    bool Complete,
    string? Owner,
    bool NoCommit,
    bool DataLoss,
    double GrowthPerSecond,
    double ConsumeRatePerSecond,
    double? RetentionMarginSeconds)
{
    public TopicPartition Key => new(Topic, Partition);
}
