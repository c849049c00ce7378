using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace LagLab.Scenarios.Loading;

/// <summary>Parses scalar nodes into numbers, rates, durations and names, reporting what was expected.</summary>
internal static class Scalars
{
    public static string? Text(YamlNode node, string path, ErrorSink errors)
    {
        if (node is YamlScalarNode scalar)
        {
            if (scalar.Value is null || (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "" or "~" or "null"))
            {
                errors.Add(node, path, "has no value");
                return null;
            }
            return scalar.Value;
        }
        errors.Add(node, path, $"expected a single value, got a {Kind(node)}");
        return null;
    }

    public static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping (fields)",
        YamlSequenceNode => "list",
        _ => "value",
    };

    public static double? Number(YamlNode node, string path, ErrorSink errors, double min, double max, string what)
    {
        var text = Text(node, path, errors);
        if (text is null)
        {
            return null;
        }
        var clean = text.Replace("_", "", StringComparison.Ordinal);
        if (!double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.Add(node, path, $"expected {what}, got \"{text}\"");
            return null;
        }
        return InRange(value, node, path, errors, min, max, what);
    }

    public static long? Whole(YamlNode node, string path, ErrorSink errors, long min, long max, string what)
    {
        var text = Text(node, path, errors);
        if (text is null)
        {
            return null;
        }
        var clean = text.Replace("_", "", StringComparison.Ordinal);
        if (!long.TryParse(clean, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(node, path, $"expected {what} (a whole number), got \"{text}\"");
            return null;
        }
        return (long?)InRange(value, node, path, errors, min, max, what);
    }

    /// <summary>Events per second: a plain number or <c>N/s</c>; never negative.</summary>
    public static double? Rate(YamlNode node, string path, ErrorSink errors)
    {
        var text = Text(node, path, errors);
        if (text is null)
        {
            return null;
        }
        var clean = text.Trim();
        if (clean.EndsWith("/s", StringComparison.Ordinal))
        {
            clean = clean[..^2].TrimEnd();
        }
        clean = clean.Replace("_", "", StringComparison.Ordinal);
        if (!double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.Add(node, path, $"expected a rate in events/s (e.g. 200 or 200/s), got \"{text}\"");
            return null;
        }
        if (value < 0)
        {
            errors.Add(node, path, $"a rate cannot be negative, got {text}");
            return null;
        }
        return value;
    }

    public static TimeSpan? Duration(YamlNode node, string path, ErrorSink errors, bool allowZero)
    {
        var text = Text(node, path, errors);
        if (text is null)
        {
            return null;
        }
        if (!Scenarios.Duration.TryParse(text, out var value, out var error))
        {
            errors.Add(node, path, error);
            return null;
        }
        if (!allowZero && value <= TimeSpan.Zero)
        {
            errors.Add(node, path, $"must be longer than zero, got \"{text}\"");
            return null;
        }
        return value;
    }

    public static bool? Bool(YamlNode node, string path, ErrorSink errors)
    {
        var text = Text(node, path, errors);
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                errors.Add(node, path, $"expected true or false, got \"{text}\"");
                return null;
        }
    }

    public static T? Choice<T>(YamlNode node, string path, ErrorSink errors, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var text = Text(node, path, errors);
        if (text is null)
        {
            return null;
        }
        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }
        var hint = Suggestions.Closest(text, choices.Keys) is { } s ? $" (did you mean \"{s}\"?)" : "";
        errors.Add(node, path, $"expected one of {string.Join(", ", choices.Keys)}, got \"{text}\"{hint}");
        return null;
    }

    private static double? InRange(double value, YamlNode node, string path, ErrorSink errors, double min, double max, string what)
    {
        if (value < min || value > max)
        {
            var range = max >= double.MaxValue / 2 || max >= long.MaxValue / 2
                ? $"at least {min.ToString(CultureInfo.InvariantCulture)}"
                : $"between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}";
            errors.Add(node, path, $"{what} must be {range}, got {value.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }
        return value;
    }
}
