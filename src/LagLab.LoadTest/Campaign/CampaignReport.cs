using LagLab.LoadTest.Analysis;

namespace LagLab.LoadTest.Campaign;

/// <summary>A campaign's summary (campaign.json): pass rate, failures per invariant, forecast error, every run.</summary>
public sealed record CampaignReport
{
    public required int Seed { get; init; }
    public required int Count { get; init; }
    public required string Version { get; init; }
    public required string Calibration { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required IReadOnlyList<CampaignRun> Runs { get; init; }

    public int Passed => Runs.Count(r => r.Verdict == "PASS");

    public int Failed => Runs.Count(r => r.Verdict == "FAIL");

    public int Incomplete => Runs.Count(r => r.Verdict == "INCOMPLETE");

    public double PassRate => Runs.Count == 0 ? 0 : Math.Round((double)Passed / Runs.Count, 3);

    /// <summary>Per invariant: how many runs failed it and how many could not measure it.</summary>
    public IReadOnlyDictionary<string, int[]> InvariantCounts =>
        Runs.SelectMany(r => r.Invariants).GroupBy(i => i.Name).ToDictionary(
            g => g.Key,
            g => new[] { g.Count(i => i.Status == InvariantStatus.Pass), g.Count(i => i.Status == InvariantStatus.Fail), g.Count(i => i.Status == InvariantStatus.NotMeasured) },
            StringComparer.Ordinal);

    /// <summary>|error| of the campaign's forecast of max lag, in percent: median, p90 and worst over the runs that have one.</summary>
    public ErrorStats ForecastError => ErrorStats.Of(Runs.Select(r => r.ForecastErrorPercent));

    /// <summary>The same over the runs whose measured max lag is 1,500 or more (where the 15% rule applies).</summary>
    public ErrorStats ForecastErrorLargeLag => ErrorStats.Of(Runs.Where(r => r.MeasuredMaxLag >= ForecastCheck.SmallLag).Select(r => r.ForecastErrorPercent));

    /// <summary>|forecast − measured| in events over the runs under 1,500 (where the 200-event rule applies).</summary>
    public ErrorStats ForecastErrorSmallLagEvents => ErrorStats.Of(Runs.Where(r => r.MeasuredMaxLag < ForecastCheck.SmallLag && r.ForecastMaxLag is not null).Select(r => r.ForecastMaxLag - r.MeasuredMaxLag));

    /// <summary>results.json's forecast from measured mechanisms, for reference.</summary>
    public ErrorStats MeasuredMechanismsError => ErrorStats.Of(Runs.Select(r => r.MeasuredMechanismsErrorPercent));

    /// <summary>Median, p90 and worst of absolute values (nearest rank).</summary>
    public sealed record ErrorStats(int Count, double Median, double P90, double Worst)
    {
        public static ErrorStats Of(IEnumerable<double?> values)
        {
            var sorted = values.Where(v => v is not null).Select(v => Math.Abs(v!.Value)).Order().ToArray();
            return sorted.Length == 0 ? new ErrorStats(0, 0, 0, 0)
                : new ErrorStats(sorted.Length, Percentiles.NearestRank(sorted, 0.5), Percentiles.NearestRank(sorted, 0.9), sorted[^1]);
        }
    }
}
