using System.Globalization;

namespace LagLab.LoadTest.Campaign;

/// <summary>
/// Writes a duration in the scenario grammar without rounding (<c>1d2h3m4s</c>, <c>250ms</c>), so a generated
/// scenario file loads back to exactly the instants the generator chose. <c>Duration.Format</c> rounds to two units
/// for people; a generated file must not.
/// </summary>
internal static class ExactDuration
{
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return "0";
        }
        if (value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        }
        var seconds = (long)value.TotalSeconds;
        var text = new System.Text.StringBuilder();
        foreach (var (size, unit) in new (long, string)[] { (86400, "d"), (3600, "h"), (60, "m"), (1, "s") })
        {
            if (seconds >= size)
            {
                text.Append((seconds / size).ToString(CultureInfo.InvariantCulture)).Append(unit);
                seconds %= size;
            }
        }
        return text.ToString();
    }
}
