using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Analysis;

/// <summary>The numbers the explanations are made of, measured from one run.</summary>
internal sealed record RunFacts(
    string Name,
    IReadOnlyList<DayStats> Days,
    double GrowthPerDay,
    double PeakInflow,
    double PeakApplied,
    double BankLimit,
    int Deploys,
    double MeanDeployGroupPause,
    double MaxDeployGroupPause,
    double MeanDeployPause,
    double MaxDeployPause,
    double MeanDeployRebalance,
    double? WarningAt,
    double? CriticalAt,
    RunResults Run)
{
    public static RunFacts Of(RunResults run)
    {
        var days = SplitDays(run);
        var growth = days.Count >= 2 ? (days[^1].EndLag - days[0].EndLag) / (double)(days.Count - 1) : 0;
        var deploys = run.Actions.Where(a => a.Type == "rolling_deploy").ToList();
        // A pause belongs to a deploy when it began while the deploy ran (the instance left and came back then).
        bool During(PauseRecord p, ActionRecord d) => p.T >= d.T - 1 && p.T <= d.End + 1;
        var pauses = deploys.Select(d => run.Pauses.Where(p => p.Partition >= 0 && During(p, d)).Select(p => p.Length).DefaultIfEmpty(0).Max()).ToList();
        var groupPauses = deploys.Select(d => run.Pauses.Where(p => p.Partition == PauseDetector.Group && During(p, d)).Sum(p => p.Length)).ToList();
        var rebalances = deploys.Select(d => run.Rebalances.Where(r => r.T <= d.End + 2 && r.T + r.Length >= d.T).Sum(r => r.Length)).ToList();
        var fired = run.Alerts.Where(a => a.Source == run.AlertSource && a.FiredAt is not null).ToList();
        return new RunFacts(
            run.Scenario,
            days,
            growth,
            RunAnalysis.PeakRate(run.Rates, r => r.Produced, 10),
            RunAnalysis.PeakRate(run.Rates.Where(r => r.T <= run.WallSeconds + 1).ToList(), r => r.Applied, 10),
            run.Setup.BankRateLimit,
            deploys.Count,
            groupPauses.Count == 0 ? 0 : groupPauses.Average(),
            groupPauses.Count == 0 ? 0 : groupPauses.Max(),
            pauses.Count == 0 ? 0 : pauses.Average(),
            pauses.Count == 0 ? 0 : pauses.Max(),
            rebalances.Count == 0 ? 0 : rebalances.Average(),
            fired.Where(a => a.Severity == "warning").Select(a => a.FiredAt).Min(),
            fired.Where(a => a.Severity == "critical").Select(a => a.FiredAt).Min(),
            run);
    }

    /// <summary>Per compressed day of the traffic phase (one "day" when the run is shorter than a day).</summary>
    private static List<DayStats> SplitDays(RunResults run)
    {
        var length = run.Setup.DayWallSeconds;
        var samples = run.Samples.Where(s => s.T <= run.WallSeconds + 0.5).ToList();
        if (samples.Count == 0 || length <= 0 || run.WallSeconds < length * 0.99)
        {
            return samples.Count == 0 ? [] : [new DayStats(1, samples.Max(s => s.TotalLag), samples.Min(s => s.TotalLag), samples[^1].TotalLag)];
        }
        var days = new List<DayStats>();
        var count = (int)Math.Round(run.WallSeconds / length);
        for (var d = 0; d < count; d++)
        {
            var inDay = samples.Where(s => s.T >= d * length && s.T < (d + 1) * length).ToList();
            if (inDay.Count > 0)
            {
                days.Add(new DayStats(d + 1, inDay.Max(s => s.TotalLag), inDay.Min(s => s.TotalLag), inDay[^1].TotalLag));
            }
        }
        return days;
    }
}
