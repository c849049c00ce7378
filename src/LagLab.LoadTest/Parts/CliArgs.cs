using System.Globalization;

namespace LagLab.LoadTest.Parts;

/// <summary>Formats values for the command lines of the parts (invariant culture, units the parts parse).</summary>
internal static class CliArgs
{
    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public static string Milliseconds(TimeSpan value) => Number(value.TotalMilliseconds) + "ms";

    /// <summary>Seconds with a unit, e.g. <c>30s</c> or <c>2.5s</c>.</summary>
    public static string Seconds(TimeSpan value) => Number(value.TotalSeconds) + "s";

    /// <summary>A Prometheus duration (<c>625ms</c>, <c>5m</c>): whole milliseconds, at least 1ms when not zero.</summary>
    public static string PromDuration(TimeSpan value)
    {
        var ms = (long)Math.Round(value.TotalMilliseconds);
        if (ms == 0)
        {
            return value > TimeSpan.Zero ? "1ms" : "0s";
        }
        return ms % 1000 == 0 ? (ms / 1000).ToString(CultureInfo.InvariantCulture) + "s" : ms.ToString(CultureInfo.InvariantCulture) + "ms";
    }
}
