using System.Globalization;
using LagLab.Forecast;
using LagLab.Scenarios;
using Spectre.Console;

namespace LagLab.Cli.Commands;

/// <summary>
/// Before the forecast's tables: which calibration it used, or that it has none and is therefore a range (which
/// inputs were bounded, and how far the answers spread between their low and high ends).
/// </summary>
internal static class ForecastRangeView
{
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    public static void Render(IAnsiConsole console, Scenario scenario, ForecastResult r)
    {
        if (r.Calibration is { } calibration)
        {
            console.MarkupLine($"[green]calibrated[/]: {Markup.Escape(calibration)}");
        }
        foreach (var warning in r.CalibrationWarnings)
        {
            console.MarkupLine($"[orange1]warning[/]: the calibration was measured on another topology; {Markup.Escape(warning)}");
        }
        if (r.Range is not { } range)
        {
            return;
        }
        var builtIn = CalibrationFile.BuiltInNames.Contains(scenario.Name) && scenario.Source.StartsWith("builtin:", StringComparison.Ordinal)
            ? $" (a calibration ships for this built-in scenario: --calibration builtin:{scenario.Name})"
            : "";
        console.MarkupLine(Markup.Escape(r.Calibration is null
            ? $"UNCALIBRATED: no calibration, so this is a range, not a point. Measure the system with `laglab calibrate {scenario.Name}` and pass --calibration FILE{builtIn}."
            : "PARTLY CALIBRATED: the calibration did not measure every input that matters here, so this is a range over those."));
        var inputs = new Table().Title("uncalibrated inputs (ranged over)").AddColumns("input", "low", "high", "bounds from");
        foreach (var b in range.Inputs)
        {
            inputs.AddRow(Markup.Escape(b.Name), Markup.Escape(Value(b, b.Low)), Markup.Escape(Value(b, b.High)), Markup.Escape(b.Basis));
        }
        console.Write(inputs);
        var table = new Table().Title("forecast range (every uncalibrated input at its low end, its high end, and the midpoint)").AddColumns("", "min", "max", "midpoint");
        Row(table, "max lag", range.MaxLag, N);
        Row(table, "max partition lag", range.MaxPartitionLag, N);
        Row(table, "max time lag", range.MaxTimeLag, Seconds);
        Row(table, "backlog at the horizon", range.EndBacklog, N);
        Row(table, "longest drain (wall)", range.LongestDrain, Seconds);
        string Fires(double v) => v >= r.Horizon.TotalSeconds - 1e-6 ? "not within the horizon" : Seconds(v);
        Row(table, "warning fires at (scenario time)", range.WarningFiresAt, Fires);
        Row(table, "critical fires at (scenario time)", range.CriticalFiresAt, Fires);
        console.Write(table);
    }

    private static void Row(Table table, string name, ValueRange? v, Func<double, string> format)
    {
        if (v is null)
        {
            table.AddRow(Markup.Escape(name), "[grey]never[/]", "[grey]never[/]", "[grey]never[/]");
            return;
        }
        table.AddRow(Markup.Escape(name), Markup.Escape(format(v.Min)), Markup.Escape(format(v.Max)), Markup.Escape(format(v.Midpoint)));
    }

    private static string N(double v) => v.ToString("N0", Ic);

    private static string Seconds(double v) => Duration.Format(TimeSpan.FromSeconds(v));

    private static string Value(InputBound b, double v) => b.Unit switch
    {
        "s" => Duration.Format(TimeSpan.FromSeconds(v)),
        "/s" => v.ToString("0.#", Ic) + "/s",
        _ => v.ToString("0.#", Ic) + (v == 1 ? " event" : " events"),
    };
}
