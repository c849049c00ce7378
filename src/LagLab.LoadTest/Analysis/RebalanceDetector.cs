using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Analysis;

/// <summary>
/// Rebalances seen from outside (DescribeConsumerGroups): a stretch of samples in which the group was not Stable,
/// or a change of member count between two Stable samples (a rebalance shorter than the sampling interval).
/// </summary>
internal static class RebalanceDetector
{
    public static List<RebalanceRecord> Detect(IReadOnlyList<LagSample> samples)
    {
        var rebalances = new List<RebalanceRecord>();
        int? start = null;
        for (var i = 1; i < samples.Count; i++)
        {
            var previous = samples[i - 1];
            var current = samples[i];
            var rebalancing = IsRebalancing(current.State);
            if (rebalancing)
            {
                start ??= i;
                continue;
            }
            if (start is { } s)
            {
                var before = samples[Math.Max(0, s - 1)];
                rebalances.Add(new RebalanceRecord(samples[s].T, current.T - samples[s].T, before.Members, current.Members));
                start = null;
            }
            else if (IsStable(previous.State) && IsStable(current.State) && previous.Members != current.Members)
            {
                rebalances.Add(new RebalanceRecord(current.T, 0, previous.Members, current.Members));
            }
        }
        if (start is { } open)
        {
            rebalances.Add(new RebalanceRecord(samples[open].T, samples[^1].T - samples[open].T, samples[Math.Max(0, open - 1)].Members, samples[^1].Members));
        }
        return rebalances;
    }

    public static bool IsRebalancing(string state) =>
        state is "PreparingRebalance" or "CompletingRebalance";

    private static bool IsStable(string state) => state == "Stable";
}
