using System.Globalization;
using System.Text.RegularExpressions;

namespace LagLab.Monitor.Configuration;

/// <summary>Prometheus duration syntax ("500ms", "5s", "1m30s", "2h", "1d"), used by the rule file, options and config.</summary>
public static partial class PromDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var match = Syntax().Match(text.Trim());
        if (!match.Success || text.Trim() == "")
        {
            return false;
        }
        var total = TimeSpan.Zero;
        try
        {
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var unitStart = part.Value.IndexOfAny(['m', 's', 'h', 'd', 'w', 'y']);
                var amount = long.Parse(part.Value[..unitStart], CultureInfo.InvariantCulture);
                total += part.Value[unitStart..] switch
                {
                    "ms" => TimeSpan.FromMilliseconds(amount),
                    "s" => TimeSpan.FromSeconds(amount),
                    "m" => TimeSpan.FromMinutes(amount),
                    "h" => TimeSpan.FromHours(amount),
                    "d" => TimeSpan.FromDays(amount),
                    "w" => TimeSpan.FromDays(checked(7 * amount)),
                    _ => TimeSpan.FromDays(checked(365 * amount)),
                };
            }
        }
        catch (OverflowException)
        {
            // Regression: "100000000000h" is beyond TimeSpan (about 29,000 years) and escaped as a stack trace.
            return false;
        }
        duration = total;
        return true;
    }

    /// <summary>Parses or throws a message naming <paramref name="what"/>.</summary>
    public static TimeSpan Parse(string? text, string what) =>
        TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"{what}: '{text}' is not a duration (examples: 500ms, 5s, 1m30s, 2h; at most about 29,000 years).");

    public static string Format(TimeSpan duration) =>
        duration.TotalMilliseconds % 1000 != 0 ? $"{(long)duration.TotalMilliseconds}ms"
        : duration.TotalSeconds % 60 != 0 ? $"{(long)duration.TotalSeconds}s"
        : duration.TotalMinutes % 60 != 0 ? $"{(long)duration.TotalMinutes}m"
        : $"{(long)duration.TotalHours}h";

    [GeneratedRegex("^(?<part>[0-9]+(ms|s|m|h|d|w|y))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();
}
