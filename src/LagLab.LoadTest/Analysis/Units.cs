using System.Globalization;

namespace LagLab.LoadTest.Analysis;

/// <summary>Numbers as the report and the console print them.</summary>
internal static class Units
{
    /// <summary><c>114ms</c>, <c>2.5s</c>, <c>3m10s</c>: milliseconds below a second, so small delays do not read as 0s.</summary>
    public static string Seconds(double seconds)
    {
        if (double.IsNaN(seconds))
        {
            return "-";
        }
        if (seconds == 0)
        {
            return "0s";
        }
        if (seconds < 1)
        {
            return Math.Round(seconds * 1000).ToString("0", CultureInfo.InvariantCulture) + "ms";
        }
        if (seconds < 60)
        {
            return Math.Round(seconds, 1).ToString("0.#", CultureInfo.InvariantCulture) + "s";
        }
        return Scenarios.Duration.Format(TimeSpan.FromSeconds(Math.Round(seconds)));
    }

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(double value) => value.ToString(value >= 100 ? "0" : "0.#", CultureInfo.InvariantCulture);
}
