using System.Globalization;
using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Analysis;

/// <summary>Judges each SLO of the scenario against what the run measured; a target that could not be measured fails.</summary>
internal static class SloJudge
{
    public static List<SloResult> Judge(SloSpec slos, RunTotals totals, DelayStats delay, string alertSource)
    {
        var verdict = new List<SloResult>();
        if (slos.MaxLag is { } maxLag)
        {
            verdict.Add(new SloResult("max lag", $"≤ {Count(maxLag)}", Count(totals.MaxLag), totals.MaxLag <= maxLag,
                $"highest group lag (sum over partitions), at {Seconds(totals.MaxLagAt)}"));
        }
        if (slos.MaxTimeLag is { } maxTimeLag)
        {
            verdict.Add(new SloResult("max time lag", $"≤ {Duration.Format(maxTimeLag)}", Seconds(totals.MaxTimeLag),
                totals.MaxTimeLag <= maxTimeLag.TotalSeconds, "age of the oldest unconsumed event, any partition"));
        }
        if (slos.P99EndToEnd is { } p99)
        {
            verdict.Add(delay.Count == 0
                ? new SloResult("p99 end-to-end delay", $"≤ {Duration.Format(p99)}", "not measured", false, "no event was applied at the bank")
                : new SloResult("p99 end-to-end delay", $"≤ {Duration.Format(p99)}", Seconds(delay.P99), delay.P99 <= p99.TotalSeconds,
                    $"produced → applied at the bank, {Count(delay.Count)} events"));
        }
        if (slos.MaxAlert is { } maxAlert)
        {
            var allowed = maxAlert.ToString().ToLowerInvariant();
            var highest = ParseSeverity(totals.HighestAlert);
            verdict.Add(new SloResult("highest alert", $"≤ {allowed}", totals.HighestAlert, highest <= maxAlert, $"alerts from the {alertSource}"));
        }
        if (slos.ZeroLost)
        {
            verdict.Add(new SloResult("lost events", "0", Count(totals.Lost), totals.Lost == 0,
                totals.Pending > 0 ? $"{Count(totals.Pending)} still pending (in Kafka or the spool) when the run ended are not counted as lost" : "produced (acked) − applied at the bank"));
        }
        if (slos.ZeroDuplicates)
        {
            verdict.Add(new SloResult("doubly applied events", "0", Count(totals.DoublyApplied), totals.DoublyApplied == 0,
                totals.Duplicates > 0
                    ? $"events the bank's ledger applied twice; {Count(totals.Duplicates)} re-sent requests were refused by its idempotency ledger"
                    : "events the bank's ledger applied twice"));
        }
        return verdict;
    }

    public static AlertSeverity ParseSeverity(string severity) => severity switch
    {
        "critical" => AlertSeverity.Critical,
        "warning" => AlertSeverity.Warning,
        _ => AlertSeverity.None,
    };

    private static string Count(long value) => Units.Count(value);

    private static string Seconds(double value) => Units.Seconds(value);
}
