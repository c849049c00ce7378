using System.Globalization;
using System.Text;
using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Reporting;

/// <summary>lag.csv: one row per sample and partition (long format, ready for any spreadsheet or pandas).</summary>
internal static class LagCsv
{
    public const string Header = "run,t_seconds,scenario_seconds,partition,committed_offset,end_offset,lag,time_lag_seconds,group_state,members";

    public static string Render(IEnumerable<RunResults> runs)
    {
        var csv = new StringBuilder();
        csv.Append(Header).Append('\n');
        foreach (var run in runs)
        {
            foreach (var sample in run.Samples)
            {
                for (var p = 0; p < sample.Lag.Length; p++)
                {
                    csv.Append(CultureInfo.InvariantCulture,
                        $"{run.Scenario},{sample.T:0.###},{sample.T * run.Setup.TimeScale:0.#},{p},{sample.Committed[p]},{sample.End[p]},{sample.Lag[p]},{sample.TimeLag[p]:0.###},{sample.State},{sample.Members}\n");
                }
            }
        }
        return csv.ToString();
    }
}
