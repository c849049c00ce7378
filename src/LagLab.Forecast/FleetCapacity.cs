namespace LagLab.Forecast;

/// <summary>
/// The capacity model's numbers at the start of the run, from first principles.
/// Rates are useful events/s (failed bank calls removed).
/// </summary>
/// <param name="MeanLatency">Mean bank latency (from p50/p99 as a log-normal, or the histogram).</param>
/// <param name="CallsPerInstance">Bank calls/s one instance can make: 1 / latency when blocking, in-flight / latency (Little's law) when concurrent.</param>
/// <param name="ActiveConsumers">Instances that own partitions: at most the partition count.</param>
/// <param name="Saturated">What the fleet processes when every partition has lag.</param>
/// <param name="Sustainable">Highest evenly spread inflow the fleet keeps up with: the instance with the largest share saturates first.</param>
/// <param name="BankLimit">The bank's limit in useful events/s.</param>
/// <param name="Bottleneck">In words: what limits <see cref="Sustainable"/>.</param>
/// <param name="PeakInflow">Highest rate of the profile.</param>
/// <param name="MeanInflow">Mean rate over the horizon.</param>
/// <param name="DeployLoss">Events of processing lost to one rolling deploy (capacity × time not processing).</param>
/// <param name="DeployGroupPause">Time within one rolling deploy during which no partition is processed (wall).</param>
/// <param name="DeployLongestPartitionPause">Longest time one partition waits without a consumer during one rolling deploy (wall).</param>
public sealed record FleetCapacity(
    TimeSpan MeanLatency,
    double CallsPerInstance,
    int ActiveConsumers,
    double Saturated,
    double Sustainable,
    double BankLimit,
    string Bottleneck,
    double PeakInflow,
    double MeanInflow,
    double DeployLoss,
    TimeSpan DeployGroupPause,
    TimeSpan DeployLongestPartitionPause);
