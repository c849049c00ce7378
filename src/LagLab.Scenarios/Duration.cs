using System.Globalization;

namespace LagLab.Scenarios;

/// <summary>
/// Durations as people write them: <c>250ms</c>, <c>90s</c>, <c>5m</c>, <c>1h30m</c>, <c>1d</c>, <c>1.5h</c>.
/// A unit is always required (a bare <c>90</c> is ambiguous); negative values are not durations.
/// </summary>
public static class Duration
{
    private static readonly (string Unit, double Seconds)[] Units =
    [
        ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400), ("w", 604800),
    ];

    public static bool TryParse(string? text, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        error = "";
        var s = text?.Trim() ?? "";
        if (s.Length == 0)
        {
            error = "expected a duration like 90s, 5m or 1h30m, got an empty value";
            return false;
        }
        if (s is "0")
        {
            return true;
        }
        if (s[0] == '-')
        {
            error = $"a duration cannot be negative, got \"{s}\"";
            return false;
        }
        double total = 0;
        var i = 0;
        var lastUnitSeconds = double.MaxValue;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }
            if (start == i || !double.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                error = $"expected a duration like 90s, 5m or 1h30m, got \"{s}\"";
                return false;
            }
            var unitStart = i;
            while (i < s.Length && char.IsAsciiLetter(s[i]))
            {
                i++;
            }
            var unit = s[unitStart..i];
            if (unit.Length == 0 && i < s.Length)
            {
                error = $"expected a duration like 90s, 5m or 1h30m, got \"{s}\"";
                return false;
            }
            if (unit.Length == 0)
            {
                error = $"missing unit in duration \"{s}\" (use ms, s, m, h, d or w, e.g. 90s)";
                return false;
            }
            var factor = Array.Find(Units, u => u.Unit == unit).Seconds;
            if (factor == 0)
            {
                error = $"unknown unit \"{unit}\" in duration \"{s}\" (use ms, s, m, h, d or w)";
                return false;
            }
            if (factor >= lastUnitSeconds)
            {
                error = $"units must go from largest to smallest, each once, in \"{s}\"";
                return false;
            }
            lastUnitSeconds = factor;
            total += number * factor;
        }
        if (total > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            error = $"duration \"{s}\" is too long";
            return false;
        }
        value = TimeSpan.FromSeconds(total);
        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>Short human form, e.g. <c>1d2h</c>, <c>5m</c>, <c>1.5s</c>, <c>250ms</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            return "-" + Format(-value);
        }
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }
        if (value < TimeSpan.FromSeconds(1))
        {
            return value.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture) + "ms";
        }
        if (value < TimeSpan.FromMinutes(1))
        {
            return value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + "s";
        }
        var parts = new List<string>(3);
        var seconds = (long)Math.Round(value.TotalSeconds);
        (long Size, string Unit)[] units = [(86400, "d"), (3600, "h"), (60, "m"), (1, "s")];
        foreach (var (size, unit) in units)
        {
            if (seconds >= size && parts.Count < 2)
            {
                parts.Add((seconds / size).ToString(CultureInfo.InvariantCulture) + unit);
                seconds %= size;
            }
            else if (parts.Count > 0)
            {
                break;
            }
        }
        return string.Concat(parts);
    }
}
