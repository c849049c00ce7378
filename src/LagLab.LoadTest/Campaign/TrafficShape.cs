using System.Globalization;

namespace LagLab.LoadTest.Campaign;

/// <summary>
/// The form of a generated scenario's traffic, independent of its level: constant, a diurnal cosine, or a base
/// rate with one peak window per day. <see cref="Render"/> writes <c>producer.rate</c> for a given mean rate.
/// </summary>
/// <param name="Kind">constant | diurnal | peaks.</param>
/// <param name="Low">Diurnal: the trough as a share of the mean; peaks: the base as a share of the mean.</param>
/// <param name="PeakAt">Diurnal: where the peak falls; peaks: the window's start (scenario time within the day).</param>
/// <param name="Window">Peaks: the window's length (scenario time).</param>
internal sealed record TrafficShape(string Kind, double Low, TimeSpan PeakAt, TimeSpan Window)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public IEnumerable<string> Render(double mean)
    {
        switch (Kind)
        {
            case "diurnal":
                // The cosine's mean over whole days is (min + max) / 2.
                var min = Rate(mean * Low);
                yield return "rate:";
                yield return "  type: diurnal";
                yield return $"  min: {min}";
                yield return $"  max: {Rate(Math.Max(mean * Low, (2 * mean) - (mean * Low)))}";
                yield return "  period: 1d";
                yield return $"  peak_at: {ExactDuration.Format(PeakAt)}";
                break;
            case "peaks":
                // base over the day, the window at the rate that keeps the day's mean.
                var share = Window / Day;
                var peak = ((mean - (mean * Low * (1 - share))) / share);
                yield return "rate:";
                yield return "  type: peaks";
                yield return $"  base: {Rate(mean * Low)}";
                yield return "  period: 1d";
                yield return "  windows:";
                yield return $"    - {{ start: {ExactDuration.Format(PeakAt)}, end: {ExactDuration.Format(PeakAt + Window)}, rate: {Rate(peak)} }}";
                break;
            default:
                yield return $"rate: {Rate(mean)}";
                break;
        }
    }

    private static string Rate(double rate) => Math.Max(1, Math.Round(rate)).ToString(CultureInfo.InvariantCulture);
}
