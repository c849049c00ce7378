using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Analysis;

/// <summary>
/// The write-up's two lag rules evaluated on the harness's own samples: per partition, lag above the threshold for
/// at least <c>for</c> fires; dropping to or below it resolves. A cross-check of the monitor, and the verdict's
/// source when the monitor could not run.
/// </summary>
internal static class HarnessAlerts
{
    public static List<AlertRecord> Evaluate(IReadOnlyList<LagSample> samples, long warning, long critical, double forSeconds)
    {
        var alerts = new List<AlertRecord>();
        Rule(samples, "KafkaConsumerLagWarning", "warning", warning, forSeconds, alerts);
        Rule(samples, "KafkaConsumerLagCritical", "critical", critical, forSeconds, alerts);
        return [.. alerts.OrderBy(a => a.ActiveAt)];
    }

    private static void Rule(IReadOnlyList<LagSample> samples, string name, string severity, long threshold, double forSeconds, List<AlertRecord> alerts)
    {
        var partitions = samples.Count == 0 ? 0 : samples.Max(s => s.Lag.Length);
        for (var p = 0; p < partitions; p++)
        {
            double? activeAt = null;
            double? firedAt = null;
            foreach (var sample in samples)
            {
                var above = p < sample.Lag.Length && sample.Lag[p] > threshold;
                if (above)
                {
                    activeAt ??= sample.T;
                    if (firedAt is null && sample.T - activeAt >= forSeconds)
                    {
                        firedAt = sample.T;
                    }
                    continue;
                }
                if (activeAt is { } a)
                {
                    // A pending alert that never fired leaves no trace, as in Prometheus.
                    if (firedAt is not null)
                    {
                        alerts.Add(new AlertRecord(name, severity, $"partition {p}", a, firedAt, sample.T, "harness"));
                    }
                    activeAt = null;
                    firedAt = null;
                }
            }
            if (activeAt is { } open && firedAt is not null)
            {
                alerts.Add(new AlertRecord(name, severity, $"partition {p}", open, firedAt, null, "harness"));
            }
        }
    }

    /// <summary>The highest severity that fired: none, warning or critical.</summary>
    public static string Highest(IEnumerable<AlertRecord> alerts)
    {
        var fired = alerts.Where(a => a.FiredAt is not null).Select(a => a.Severity).ToList();
        return fired.Contains("critical") ? "critical" : fired.Contains("warning") ? "warning" : "none";
    }
}
