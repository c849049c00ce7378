using System.Globalization;
using System.Text;
using LagLab.Scenarios.Loading;

namespace LagLab.Scenarios.Calibrating;

/// <summary>
/// Writes a calibration as YAML that <see cref="CalibrationReader"/> reads back to the same values: times as
/// durations with units to the microsecond, rates per second, a comment beside each mechanism saying what it is.
/// </summary>
internal static class CalibrationWriter
{
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    public static string Write(Calibration c)
    {
        var m = c.Measured;
        var t = c.Topology;
        var mech = c.Mechanisms;
        var s = new StringBuilder();
        s.Append("# LagLab calibration: the capacity model's mechanism inputs as measured on one system by\n");
        s.Append("# `laglab calibrate`. Use it with `laglab forecast SCENARIO --calibration FILE` and\n");
        s.Append("# `laglab loadtest SCENARIO --calibration FILE`. Schema: docs/forecast.md, \"Calibration\".\n");
        s.Append(Ic, $"version: {c.Version}\n");
        s.Append("measured:\n");
        s.Append(Ic, $"  at: {m.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n");
        s.Append(Ic, $"  scenario: {Quote(m.Scenario)}\n");
        s.Append(Ic, $"  cluster: {Quote(m.Cluster)}\n");
        s.Append(Ic, $"  fleet: {Quote(m.Fleet)}\n");
        s.Append(Ic, $"  laglab: {Quote(m.Laglab)}\n");
        s.Append(Ic, $"  probe: {Time(m.ProbeSeconds)}\n");
        if (m.How.Length > 0)
        {
            s.Append(Ic, $"  how: {Quote(m.How)}\n");
        }
        s.Append("topology:  # what it was measured on; a scenario that differs gets a warning\n");
        s.Append(Ic, $"  partitions: {t.Partitions}\n");
        s.Append(Ic, $"  instances: {t.Instances}\n");
        s.Append(Ic, $"  assignor: {Word(Choices.Assignors, t.Assignor)}\n");
        s.Append(Ic, $"  static_membership: {(t.StaticMembership ? "true" : "false")}\n");
        s.Append(Ic, $"  processing: {Word(Choices.Processing, t.Processing)}\n");
        s.Append(Ic, $"  concurrency: {t.Concurrency}\n");
        if (t.RateLimit is { } limit)
        {
            s.Append(Ic, $"  rate_limit: {Rate(limit)}\n");
        }
        s.Append(Ic, $"  bank_rate_limit: {Rate(t.BankRateLimit)}\n");
        s.Append(Ic, $"  bank_mean_latency: {Time(t.BankMeanLatency.TotalSeconds)}\n");
        if (mech is { BackloggedCalls: null, PerCall: null, CallOverhead: null, EffectiveBudget: null, RestartTime: null, RebalanceTime: null, RestartReplay: null })
        {
            s.Append("mechanisms: {}  # the probe measured none (the forecast gives a range over every one)\n");
            return s.ToString();
        }
        s.Append("mechanisms:  # wall time; absent: not seen by the probe (the forecast gives a range over it)\n");
        Value(s, "backlogged_calls", mech.BackloggedCalls, Rate, "bank calls/s (applied + re-sent) with every partition backlogged");
        if (mech.BackloggedCalls is not null)
        {
            s.Append(Ic, $"  backlogged_over: {Time(mech.BackloggedSeconds)}\n");
        }
        Value(s, "per_call", mech.PerCall, Time, "blocking: effective time of one call");
        Value(s, "call_overhead", mech.CallOverhead, Time, "the pipeline's own time per call beyond the bank's mean latency");
        Value(s, "effective_budget", mech.EffectiveBudget, Rate, "concurrent: the budget the fleet achieved, below what the model allows");
        Value(s, "restart_time", mech.RestartTime, Time, "an instance away per restart, as measured");
        Value(s, "rebalance_time", mech.RebalanceTime, Time, "eager: what one rebalance stopped");
        Value(s, "restart_replay", mech.RestartReplay, Count, "events re-sent per restarted instance");
        return s.ToString();
    }

    private static void Value(StringBuilder s, string key, MeasuredValue? v, Func<double, string> format, string comment)
    {
        if (v is null)
        {
            return;
        }
        s.Append(Ic, $"  {key}: {{ value: {format(v.Value)}");
        if (v.Low is { } low)
        {
            s.Append(Ic, $", low: {format(low)}");
        }
        if (v.High is { } high)
        {
            s.Append(Ic, $", high: {format(high)}");
        }
        s.Append(Ic, $", samples: {v.Samples} }}  # {comment}\n");
    }

    /// <summary>Seconds as a duration the scenario grammar reads back exactly to the microsecond.</summary>
    public static string Time(double seconds)
    {
        var rounded = Math.Round(seconds, 6);
        return rounded == 0 ? "0" : rounded < 1 ? (rounded * 1000).ToString("0.###", Ic) + "ms" : rounded.ToString("0.######", Ic) + "s";
    }

    private static string Rate(double perSecond) => Math.Round(perSecond, 4).ToString("0.####", Ic) + "/s";

    private static string Count(double events) => Math.Round(events, 3).ToString("0.###", Ic);

    private static string Word<T>(Dictionary<string, T> choices, T value)
        where T : struct => choices.First(c => EqualityComparer<T>.Default.Equals(c.Value, value)).Key;

    /// <summary>A double-quoted YAML scalar (escapes backslash and quote), so any text survives.</summary>
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "\"";
}
