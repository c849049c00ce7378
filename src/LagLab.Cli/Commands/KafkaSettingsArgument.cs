using System.CommandLine;
using System.Globalization;

namespace LagLab.Cli.Commands;

/// <summary>Option helpers shared by the Kafka client commands: <c>-X key=value</c> librdkafka settings and durations.</summary>
internal static class KafkaSettingsArgument
{
    public static Option<string[]> Create() => new("-X")
    {
        Description = "librdkafka setting key=value for real clusters (SASL/TLS, timeouts); repeatable, applied last.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Copies <c>key=value</c> pairs into <paramref name="target"/>; throws naming the bad one.</summary>
    public static void Apply(string[]? values, Dictionary<string, string> target)
    {
        foreach (var value in values ?? [])
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"-X expects key=value, got '{value}'.");
            }
            target[value[..eq].Trim()] = value[(eq + 1)..];
        }
    }

    /// <summary>Parses <c>250ms</c>, <c>5s</c>, <c>2m</c> (a bare number is seconds); throws naming the option.</summary>
    public static TimeSpan Duration(string option, string? text, TimeSpan fallback)
    {
        if (text is null)
        {
            return fallback;
        }
        (string number, double scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ => (text, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentException($"{option} must be a positive duration such as 500ms, 5s or 2m, got '{text}'.");
        }
        return TimeSpan.FromSeconds(value * scale);
    }
}
