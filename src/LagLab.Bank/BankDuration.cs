using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LagLab.Bank;

/// <summary>Durations as people write them on a command line or in a file: <c>250us</c>, <c>20ms</c>, <c>1.5s</c>, <c>2m</c>, <c>1h</c>, or <c>0</c>.</summary>
public static class BankDuration
{
    /// <summary>Parses a duration; on failure <paramref name="error"/> says what is wrong with <paramref name="text"/>.</summary>
    public static bool TryParse(string? text, out TimeSpan value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var s = text?.Trim() ?? string.Empty;
        if (s == "0")
        {
            error = null;
            return true;
        }
        var unitStart = s.Length;
        while (unitStart > 0 && char.IsAsciiLetter(s[unitStart - 1]))
        {
            unitStart--;
        }
        var unit = s[unitStart..];
        double scaleTicks = unit switch
        {
            "us" => TimeSpan.TicksPerMicrosecond,
            "ms" => TimeSpan.TicksPerMillisecond,
            "s" => TimeSpan.TicksPerSecond,
            "m" => TimeSpan.TicksPerMinute,
            "h" => TimeSpan.TicksPerHour,
            _ => 0,
        };
        if (scaleTicks == 0)
        {
            error = $"'{text}' is not a duration: expected a number with a unit us, ms, s, m or h (e.g. 20ms, 1.5s).";
            return false;
        }
        if (!double.TryParse(s.AsSpan(0, unitStart), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number))
        {
            error = $"'{text}' is not a duration: '{s[..unitStart]}' is not a non-negative number.";
            return false;
        }
        var ticks = Math.Round(number * scaleTicks);
        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            error = $"'{text}' is too long a duration.";
            return false;
        }
        value = TimeSpan.FromTicks((long)ticks);
        error = null;
        return true;
    }

    /// <summary>Parses a duration or throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>The shortest exact form, for messages: <c>20ms</c>, <c>1.5s</c>, <c>250us</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0";
        }
        if (value.Ticks % TimeSpan.TicksPerSecond == 0)
        {
            return $"{value.Ticks / TimeSpan.TicksPerSecond}s";
        }
        if (value.Ticks % TimeSpan.TicksPerMillisecond == 0)
        {
            return $"{value.Ticks / TimeSpan.TicksPerMillisecond}ms";
        }
        return string.Create(CultureInfo.InvariantCulture, $"{value.Ticks / (double)TimeSpan.TicksPerMicrosecond}us");
    }
}
