using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Analysis;

/// <summary>Exact percentiles by nearest rank over all values (the delays of one run fit in memory easily).</summary>
internal static class Percentiles
{
    /// <summary>The smallest value with at least <paramref name="p"/> (0..1) of the values at or below it.</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    public static DelayStats Stats(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return DelayStats.Empty;
        }
        return new DelayStats(sorted.Length, sorted.Average(), NearestRank(sorted, 0.50), NearestRank(sorted, 0.90),
            NearestRank(sorted, 0.99), NearestRank(sorted, 0.999), sorted[^1]);
    }

    /// <summary>Percentiles of the delays applied in each window of <paramref name="width"/> seconds (empty windows are left out).</summary>
    public static List<DelayWindow> Windows(IReadOnlyList<(double AppliedAt, double Delay)> delays, double width)
    {
        var windows = new List<DelayWindow>();
        foreach (var group in delays.GroupBy(d => Math.Floor(d.AppliedAt / width)).OrderBy(g => g.Key))
        {
            var sorted = group.Select(d => d.Delay).Order().ToArray();
            windows.Add(new DelayWindow((group.Key + 1) * width, sorted.Length, NearestRank(sorted, 0.5), NearestRank(sorted, 0.9), NearestRank(sorted, 0.99), sorted[^1]));
        }
        return windows;
    }
}
