using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Analysis;

/// <summary>Turns a run's measurements into its results: pauses, rebalances, alerts, delays, totals, forecast and verdict.</summary>
internal static class RunAnalysis
{
    /// <summary>Width of the end-to-end delay windows on the chart.</summary>
    public const double DelayWindowSeconds = 5;

    public static RunResults Analyze(Scenario scenario, RunMeasurements m, ForecastComparison? forecast)
    {
        var rebalances = RebalanceDetector.Detect(m.Samples);
        var pauses = PauseDetector.Detect(m.Samples, m.Actions, rebalances);
        var forWall = scenario.TimeScale.ToWall(scenario.Alerts.For).TotalSeconds;
        var harnessAlerts = HarnessAlerts.Evaluate(m.Samples, scenario.Alerts.Warning, scenario.Alerts.Critical, forWall);
        var alertSource = m.MonitorRan ? "monitor" : "harness";
        var verdictAlerts = m.MonitorRan ? m.MonitorAlerts : harnessAlerts;
        var delay = Percentiles.Stats(m.Delays.Select(d => d.Delay));
        var totals = Totals(m, rebalances, pauses, verdictAlerts);
        // The model again, with the mechanisms this run measured in place of the scenario's stated inputs.
        var restarts = RestartExtractor.Extract(m.FleetEvents, m.StartedAt, m.Applied, m.Rates, m.Actions);
        var mechanisms = MechanismMeter.Measure(scenario, m.Samples, m.Rates, m.Actions, rebalances, restarts);
        var measuredForecast = forecast is null ? null : ForecastAdapter.Compare(MechanismMeter.Apply(scenario, mechanisms), m.Samples, mechanisms.DeployReplays);
        var notes = m.Notes.ToList();
        if (!m.MonitorRan)
        {
            notes.Add("The monitor did not run: alerts were evaluated by the harness on its own lag samples (same rules, same thresholds).");
        }
        else if (HarnessAlerts.Highest(harnessAlerts) != HarnessAlerts.Highest(m.MonitorAlerts))
        {
            notes.Add($"The monitor's highest alert ({HarnessAlerts.Highest(m.MonitorAlerts)}) differs from the harness's evaluation of the same rules on its own samples ({HarnessAlerts.Highest(harnessAlerts)}).");
        }
        return new RunResults
        {
            Scenario = scenario.Name,
            Description = scenario.Description,
            Source = scenario.Source,
            Setup = RunSetupFactory.From(scenario),
            StartedAt = m.StartedAt,
            WallSeconds = m.WallSeconds,
            DrainSeconds = m.DrainSeconds,
            Samples = m.Samples,
            Rates = m.Rates,
            Delays = Percentiles.Windows(m.Delays, DelayWindowSeconds),
            Delay = delay,
            Actions = m.Actions,
            Rebalances = rebalances,
            Pauses = pauses,
            Alerts = [.. m.MonitorAlerts, .. harnessAlerts],
            AlertSource = alertSource,
            Resources = m.Resources,
            Forecast = forecast,
            Mechanisms = mechanisms,
            MeasuredForecast = measuredForecast,
            Totals = totals,
            // The exit check first, and always: whatever the scenario's SLOs, a part that crashed fails the run.
            Verdict = [ExitCheck.Judge(m.UnexpectedExits), .. SloJudge.Judge(scenario.Slos, totals, delay, alertSource)],
            UnexpectedExits = m.UnexpectedExits,
            Notes = notes,
        };
    }

    private static RunTotals Totals(RunMeasurements m, IReadOnlyList<RebalanceRecord> rebalances, IReadOnlyList<PauseRecord> pauses, IReadOnlyList<AlertRecord> alerts)
    {
        var samples = m.Samples;
        var max = samples.Count == 0 ? null : samples.MaxBy(s => s.TotalLag);
        var endOfTraffic = samples.LastOrDefault(s => s.T <= m.WallSeconds + 0.5) ?? samples.LastOrDefault();
        var last = samples.Count > 0 ? samples[^1] : null;
        var lastRate = m.Rates.Count > 0 ? m.Rates[^1] : null;
        var ledger = m.Ledger;
        var applied = ledger?.Applied ?? lastRate?.Applied ?? 0;
        var pending = (last?.TotalLag ?? 0) + (lastRate?.Spool ?? 0);
        var appliedInTraffic = m.Rates.LastOrDefault(r => r.T <= m.WallSeconds + 0.5)?.Applied ?? applied;
        return new RunTotals
        {
            Produced = m.Produced,
            ProduceFailures = m.ProduceFailures,
            Applied = applied,
            DoublyApplied = m.DoublyApplied,
            Duplicates = ledger?.Duplicates ?? lastRate?.Duplicates ?? 0,
            Foreign = m.Foreign,
            Pending = pending,
            // Applied events of another producer (foreign) do not make up for this run's lost ones.
            Lost = Math.Max(0, m.Produced - (applied - m.Foreign) - pending),
            OrderViolations = ledger?.OrderViolations ?? 0,
            Rejected = ledger?.Rejected ?? lastRate?.Rejected ?? 0,
            Errors = ledger?.Errors ?? lastRate?.Errors ?? 0,
            Timeouts = ledger?.Timeouts ?? lastRate?.Timeouts ?? 0,
            Unavailable = ledger?.Unavailable ?? lastRate?.Unavailable ?? 0,
            MaxLag = max?.TotalLag ?? 0,
            MaxLagAt = max?.T ?? 0,
            MaxPartitionLag = samples.Count == 0 ? 0 : samples.Max(s => s.MaxPartitionLag),
            MaxTimeLag = samples.Count == 0 ? 0 : samples.Max(s => s.MaxTimeLag),
            EndLag = endOfTraffic?.TotalLag ?? 0,
            PeakProducedRate = PeakRate(m.Rates, r => r.Produced, 10),
            MeanProducedRate = m.WallSeconds > 0 ? m.Produced / m.WallSeconds : 0,
            MeanAppliedRate = m.WallSeconds > 0 ? appliedInTraffic / m.WallSeconds : 0,
            Rebalances = rebalances.Count,
            UnexpectedExits = m.UnexpectedExits.Count,
            LongestPause = pauses.Count == 0 ? 0 : pauses.Max(p => p.Length),
            LongestGroupPause = pauses.Where(p => p.Partition == PauseDetector.Group).Select(p => p.Length).DefaultIfEmpty(0).Max(),
            HighestAlert = HarnessAlerts.Highest(alerts),
            PeakCpuPercent = m.Resources.Count == 0 ? 0 : m.Resources.Max(r => r.CpuPercent),
            PeakRssMegabytes = m.Resources.Count == 0 ? 0 : m.Resources.Max(r => r.RssMegabytes),
        };
    }

    /// <summary>Highest rate of a cumulative counter over any window of <paramref name="window"/> seconds.</summary>
    public static double PeakRate(IReadOnlyList<RateSample> rates, Func<RateSample, long> counter, double window)
    {
        var peak = 0.0;
        var j = 0;
        for (var i = 0; i < rates.Count; i++)
        {
            while (j < i && rates[i].T - rates[j + 1].T >= window)
            {
                j++;
            }
            var span = rates[i].T - rates[j].T;
            if (span >= window * 0.8)
            {
                peak = Math.Max(peak, (counter(rates[i]) - counter(rates[j])) / span);
            }
        }
        return peak;
    }

    /// <summary>Per-second rate of a cumulative counter, smoothed over <paramref name="window"/> seconds, at each sample.</summary>
    public static List<(double T, double Rate)> RateSeries(IReadOnlyList<RateSample> rates, Func<RateSample, long> counter, double window)
    {
        var series = new List<(double, double)>(rates.Count);
        var j = 0;
        for (var i = 1; i < rates.Count; i++)
        {
            while (j < i - 1 && rates[i].T - rates[j + 1].T >= window)
            {
                j++;
            }
            var span = rates[i].T - rates[j].T;
            // Until a whole window has passed the rate is a guess from a few samples: leave it out.
            if (span >= window * 0.9)
            {
                series.Add((rates[i].T, (counter(rates[i]) - counter(rates[j])) / span));
            }
        }
        return series;
    }
}
