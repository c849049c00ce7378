namespace LagLab.Monitor.Analysis;

/// <summary>
/// Burrow's sliding-window verdicts, on current lag instead of lag recorded at commit time, and without
/// reading <c>__consumer_offsets</c>. Rules, first match wins (docs/monitor.md has the reasoning):
/// <list type="number">
/// <item>no committed offset: ok, not complete (reported as no-commit, never as lag);</item>
/// <item>current lag ≤ allowed lag: ok (a caught-up consumer on a quiet topic is never "stopped");</item>
/// <item>fewer than <c>minSamples</c> samples in the window: ok, not complete;</item>
/// <item>rewind: the committed offset dropped inside the window and is still below its earlier maximum;</item>
/// <item>lag above allowed at every sample and the committed offset never moved: stalled when a live
/// member owns the partition (it runs but does not advance), stopped when none does;</item>
/// <item>lag above allowed at every sample, committed offset advanced, lag ends higher than it started
/// and its least-squares trend is rising: lagging (Burrow's "never decreases" misses saw-tooth growth);</item>
/// <item>otherwise ok.</item>
/// </list>
/// </summary>
internal static class StatusEvaluator
{
    public static PartitionVerdict Evaluate(ReadOnlySpan<PartitionSample> window, bool owned, long allowedLag, int minSamples)
    {
        if (window.Length == 0 || window[^1].Lag is not { } currentLag)
        {
            return new PartitionVerdict(ConsumerStatus.Ok, Complete: false);
        }
        var complete = window.Length >= minSamples;
        if (currentLag <= allowedLag || !complete)
        {
            return new PartitionVerdict(ConsumerStatus.Ok, complete);
        }
        if (IsRewound(window))
        {
            return new PartitionVerdict(ConsumerStatus.Rewind, complete);
        }
        var first = window[0];
        var last = window[^1];
        var lagAlways = true;
        var neverMoved = true;
        for (var i = 0; i < window.Length; i++)
        {
            lagAlways &= window[i].Lag > allowedLag;
            neverMoved &= window[i].Committed == first.Committed;
        }
        if (!lagAlways)
        {
            return new PartitionVerdict(ConsumerStatus.Ok, complete);
        }
        if (neverMoved)
        {
            return new PartitionVerdict(owned ? ConsumerStatus.Stalled : ConsumerStatus.Stopped, complete);
        }
        var rising = last.Lag > first.Lag
            && LinearTrend.LagSlopePerSecond(window) > 0;
        return new PartitionVerdict(rising ? ConsumerStatus.Lagging : ConsumerStatus.Ok, complete);
    }

    private static bool IsRewound(ReadOnlySpan<PartitionSample> window)
    {
        long highest = long.MinValue;
        var dropped = false;
        for (var i = 0; i < window.Length; i++)
        {
            if (window[i].Committed is not { } committed)
            {
                continue;
            }
            if (committed < highest)
            {
                dropped = true;
            }
            highest = Math.Max(highest, committed);
        }
        return dropped && window[^1].Committed < highest;
    }
}
