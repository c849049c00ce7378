using System.Globalization;
using LagLab.LoadTest.Results;
using LagLab.LoadTest.Sampling;

namespace LagLab.LoadTest.Campaign;

/// <summary>
/// Invariant (c): the lag the monitor showed equals the harness's own sampler within one monitor interval. Each
/// point of the monitor's history (monitor-lag.csv) must lie in the range the harness's offsets allow from one
/// interval before to one interval after it: per partition, from the lowest end offset less the highest committed
/// one to the highest end offset less the lowest committed one. Neither side reads a partition's two offsets at one
/// instant (commits land every second, the end grows all the time), so a band on the group sum alone would blame
/// the monitor for the sawtooth between them. Both sides count the same thing: the monitor leaves a partition with
/// no committed offset out of its sum (its lag is unknown), so the harness's range here does too.
/// </summary>
internal static class MonitorAgreement
{
    /// <summary>Fewer matched points than this share of the monitor's points is too little to judge.</summary>
    private const double MinimumMatchedShare = 0.5;

    public static InvariantResult Judge(RunResults? results, string runDirectory)
    {
        var file = Path.Combine(runDirectory, MonitorLagFile.FileName);
        if (results is null || !File.Exists(file))
        {
            return Result(InvariantStatus.NotMeasured, $"no {MonitorLagFile.FileName} (the monitor did not run, or its history could not be read)");
        }
        var (interval, points) = Read(file);
        return Compare(results.Samples, points, interval);
    }

    /// <summary>The comparison itself, on the two series (times in seconds from the start of traffic).</summary>
    public static InvariantResult Compare(IReadOnlyList<LagSample> harness, IReadOnlyList<(double T, long Lag)> monitor, double interval)
    {
        if (harness.Count == 0)
        {
            return Result(InvariantStatus.NotMeasured, "the harness recorded no lag samples");
        }
        var end = harness[^1].T;
        var judged = monitor.Where(p => p.T >= 0 && p.T <= end).ToList();
        var matched = 0;
        var mismatches = 0;
        (double T, long Lag, long Low, long High) worst = default;
        var worstGap = 0L;
        foreach (var (t, lag) in judged)
        {
            var window = harness.Where(s => Math.Abs(s.T - t) <= interval).ToList();
            if (window.Count == 0)
            {
                continue;
            }
            matched++;
            var (low, high) = Range(window);
            var gap = lag < low ? low - lag : lag > high ? lag - high : 0;
            if (gap > 0)
            {
                mismatches++;
                if (gap > worstGap)
                {
                    (worstGap, worst) = (gap, (t, lag, low, high));
                }
            }
        }
        if (judged.Count == 0 || matched < judged.Count * MinimumMatchedShare)
        {
            return Result(InvariantStatus.NotMeasured, $"{matched} of {judged.Count} monitor points had harness samples within {F(interval)} s");
        }
        if (mismatches > 0)
        {
            return Result(InvariantStatus.Fail, $"{mismatches} of {matched} monitor points outside the harness's range within {F(interval)} s; worst at t={F(worst.T)} s: monitor {worst.Lag}, harness {worst.Low}..{worst.High} ({worstGap} off)");
        }
        return Result(InvariantStatus.Pass, $"{matched} of {judged.Count} monitor points within the harness's range within {F(interval)} s");
    }

    /// <summary>
    /// The lowest and highest group lag the window's offsets allow, over the partitions with a committed offset. A
    /// partition committed in only part of the window may or may not be in the monitor's sum: it adds to the high end.
    /// </summary>
    public static (long Low, long High) Range(IReadOnlyList<LagSample> window)
    {
        long low = 0, high = 0;
        var partitions = window.Max(s => s.End.Length);
        for (var p = 0; p < partitions; p++)
        {
            var ends = window.Where(s => p < s.End.Length && s.End[p] >= 0).Select(s => s.End[p]).ToList();
            var commits = window.Where(s => p < s.Committed.Length && s.Committed[p] >= 0).Select(s => s.Committed[p]).ToList();
            if (ends.Count == 0 || commits.Count == 0)
            {
                continue;
            }
            high += Math.Max(0, ends.Max() - commits.Min());
            if (commits.Count == window.Count)
            {
                low += Math.Max(0, ends.Min() - commits.Max());
            }
        }
        return (low, high);
    }

    public static (double Interval, List<(double T, long Lag)> Points) Read(string file)
    {
        var interval = 1.0;
        var points = new List<(double, long)>();
        foreach (var line in File.ReadLines(file))
        {
            if (line.StartsWith("# interval_seconds=", StringComparison.Ordinal))
            {
                interval = double.Parse(line["# interval_seconds=".Length..], CultureInfo.InvariantCulture);
                continue;
            }
            var parts = line.Split(',');
            if (parts.Length == 2 && double.TryParse(parts[0], CultureInfo.InvariantCulture, out var t) && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var lag))
            {
                points.Add((t, lag));
            }
        }
        return (interval, points);
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static InvariantResult Result(InvariantStatus status, string detail) => new(InvariantResult.MonitorAgrees, status, detail);
}
