namespace LagLab.LoadTest.Results;

/// <summary>The run's headline numbers. Counts are events; times are seconds.</summary>
public sealed record RunTotals
{
    /// <summary>Events the broker acknowledged.</summary>
    public long Produced { get; init; }

    public long ProduceFailures { get; init; }

    /// <summary>Distinct events the bank's ledger applied.</summary>
    public long Applied { get; init; }

    /// <summary>Events the bank's ledger applied more than once (two ledger entries for one event id).</summary>
    public long DoublyApplied { get; init; }

    /// <summary>Requests re-sent for an event the bank had already applied (retries after a timeout, replays after a rebalance); the ledger refused them.</summary>
    public long Duplicates { get; init; }

    /// <summary>Applied events whose id this run never produced (another producer on the topic).</summary>
    public long Foreign { get; init; }

    /// <summary>Produced, not applied, and no longer pending anywhere (Kafka lag or spool) when the run ended.</summary>
    public long Lost { get; init; }

    /// <summary>Produced and not applied yet, but still in Kafka (lag) or the pipeline's spool when the run ended.</summary>
    public long Pending { get; init; }

    public long OrderViolations { get; init; }

    public long Rejected { get; init; }

    public long Errors { get; init; }

    public long Timeouts { get; init; }

    public long Unavailable { get; init; }

    public long MaxLag { get; init; }

    public double MaxLagAt { get; init; }

    public long MaxPartitionLag { get; init; }

    public double MaxTimeLag { get; init; }

    public long EndLag { get; init; }

    public double PeakProducedRate { get; init; }

    public double MeanProducedRate { get; init; }

    public double MeanAppliedRate { get; init; }

    public int Rebalances { get; init; }

    /// <summary>Parts that exited without the timeline asking (crash, non-zero exit, signal); must be 0 to pass.</summary>
    public int UnexpectedExits { get; init; }

    /// <summary>Longest stretch in which no partition made progress while the group had lag.</summary>
    public double LongestGroupPause { get; init; }

    public double LongestPause { get; init; }

    public string HighestAlert { get; init; } = "none";

    public double PeakCpuPercent { get; init; }

    public double PeakRssMegabytes { get; init; }
}
