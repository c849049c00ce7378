using System.Globalization;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Calibrating;

/// <summary>What a calibration measured, one line per mechanism, for the console.</summary>
public static class CalibrationPrinter
{
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    public static void Print(TextWriter output, Scenarios.Calibration c, IReadOnlyList<string> notes)
    {
        var m = c.Mechanisms;
        output.WriteLine(string.Create(Ic, $"calibration of {c.Measured.Scenario} (cluster {c.Measured.Cluster}, fleet {c.Measured.Fleet}, {c.Measured.ProbeSeconds:0} s probe, LagLab {c.Measured.Laglab}):"));
        Line(output, "backlogged calls", m.BackloggedCalls, v => string.Create(Ic, $"{v:0.#}/s"));
        if (m.BackloggedCalls is not null)
        {
            output.WriteLine(string.Create(Ic, $"  {"backlogged over",-22} {m.BackloggedSeconds:0.#} s"));
        }
        Line(output, "per call (blocking)", m.PerCall, Ms);
        Line(output, "call overhead", m.CallOverhead, Ms);
        Line(output, "effective budget", m.EffectiveBudget, v => string.Create(Ic, $"{v:0.#}/s"));
        Line(output, "restart time", m.RestartTime, v => string.Create(Ic, $"{v:0.##} s"));
        Line(output, "rebalance time", m.RebalanceTime, v => string.Create(Ic, $"{v:0.###} s"));
        Line(output, "re-sent per restart", m.RestartReplay, v => string.Create(Ic, $"{v:0.#}"));
        foreach (var note in notes)
        {
            output.WriteLine($"  note: {note}");
        }
    }

    private static string Ms(double seconds) => string.Create(Ic, $"{seconds * 1000:0.##} ms");

    private static void Line(TextWriter output, string name, MeasuredValue? v, Func<double, string> format)
    {
        var text = v is null ? "not measured" : format(v.Value) + (v.Low is { } low && v.High is { } high ? $" ({format(low)} to {format(high)} over {v.Samples})" : "");
        output.WriteLine($"  {name,-22} {text}");
    }
}
