using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Analysis;

/// <summary>
/// Pauses seen from outside the fleet: stretches in which a partition's committed offset did not move although it
/// had lag, from the last sample that saw it move to the first that saw it move again (so a pause is known to
/// within one sampling interval). Stretches shorter than <see cref="MinimumSeconds"/> are the pipeline's commit
/// interval, not pauses.
/// </summary>
internal static class PauseDetector
{
    public const double MinimumSeconds = 2.0;

    /// <summary>The partition number of a pause of the whole group.</summary>
    public const int Group = -1;

    /// <summary>
    /// Pauses of single partitions, and of the whole group (<see cref="Group"/>): stretches in which no partition's
    /// committed offset moved while the group had lag — the write-up's "all consumers pause" of an eager rebalance.
    /// </summary>
    public static List<PauseRecord> Detect(IReadOnlyList<LagSample> samples, IReadOnlyList<ActionRecord> actions, IReadOnlyList<RebalanceRecord> rebalances)
    {
        var pauses = new List<PauseRecord>();
        DetectGroup(samples, actions, rebalances, pauses);
        var partitions = samples.Count == 0 ? 0 : samples.Max(s => s.Lag.Length);
        for (var p = 0; p < partitions; p++)
        {
            double? start = null;
            double last = 0;
            for (var i = 1; i < samples.Count; i++)
            {
                var previous = samples[i - 1];
                var current = samples[i];
                var stuck = p < previous.Lag.Length && p < current.Lag.Length
                    && previous.Lag[p] > 0
                    && current.Committed[p] == previous.Committed[p];
                if (stuck)
                {
                    start ??= previous.T;
                    last = current.T;
                    continue;
                }
                // The partition moved again (or ran dry) by this sample: the pause lasted until it.
                Close(p, ref start, current.T, pauses, actions, rebalances);
            }
            Close(p, ref start, last, pauses, actions, rebalances);
        }
        return [.. pauses.OrderBy(x => x.T).ThenBy(x => x.Partition)];
    }

    private static void DetectGroup(IReadOnlyList<LagSample> samples, IReadOnlyList<ActionRecord> actions, IReadOnlyList<RebalanceRecord> rebalances, List<PauseRecord> pauses)
    {
        double? start = null;
        double last = 0;
        for (var i = 1; i < samples.Count; i++)
        {
            var previous = samples[i - 1];
            var current = samples[i];
            // A partition added in between is not progress of the old ones.
            var moved = false;
            for (var p = 0; p < Math.Min(previous.Committed.Length, current.Committed.Length); p++)
            {
                moved |= current.Committed[p] != previous.Committed[p];
            }
            if (!moved && previous.TotalLag > 0)
            {
                start ??= previous.T;
                last = current.T;
                continue;
            }
            Close(Group, ref start, current.T, pauses, actions, rebalances);
        }
        Close(Group, ref start, last, pauses, actions, rebalances);
    }

    private static void Close(int partition, ref double? start, double end, List<PauseRecord> pauses, IReadOnlyList<ActionRecord> actions, IReadOnlyList<RebalanceRecord> rebalances)
    {
        if (start is { } s && end - s >= MinimumSeconds)
        {
            pauses.Add(new PauseRecord(partition, s, end - s, Cause(s, end, actions, rebalances)));
        }
        start = null;
    }

    /// <summary>The action running during (or ending just before) the pause, else a rebalance in it.</summary>
    private static string? Cause(double start, double end, IReadOnlyList<ActionRecord> actions, IReadOnlyList<RebalanceRecord> rebalances)
    {
        var action = actions.Where(a => a.T <= end && a.End + 2 >= start).OrderBy(a => a.T).LastOrDefault();
        if (action is not null)
        {
            return action.Type;
        }
        return rebalances.Any(r => r.T <= end && r.T + r.Length + 2 >= start) ? "rebalance" : null;
    }
}
