using System.CommandLine;
using System.Globalization;
using Confluent.Kafka;
using LagLab.Contracts;

namespace LagLab.Cli.Commands;

/// <summary>Option helpers shared by the Kafka client commands: <c>-X key=value</c> librdkafka settings and durations.</summary>
internal static class KafkaSettingsArgument
{
    public static Option<string[]> Create() => new("-X")
    {
        Description = "librdkafka setting key=value for real clusters (SASL/TLS, timeouts); repeatable, applied last; secrets are never logged.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Copies <c>key=value</c> pairs into <paramref name="target"/>; throws naming the bad one (a secret masked).</summary>
    public static void Apply(string[]? values, IDictionary<string, string> target)
    {
        foreach (var value in values ?? [])
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"-X expects key=value, got '{KafkaSecretSettings.Display(value, value)}'.");
            }
            target[value[..eq].Trim()] = value[(eq + 1)..];
        }
    }

    /// <summary>
    /// Hands <paramref name="settings"/> to librdkafka once, in a client that never connects (no bootstrap servers), so an
    /// unknown key or a bad value is reported at start naming the key, instead of escaping as a stack trace when the
    /// command builds its real clients. librdkafka's messages name the key and never the value.
    /// </summary>
    public static void Validate(ICollection<KeyValuePair<string, string>> settings)
    {
        if (settings.Count == 0)
        {
            return;
        }
        var config = new ProducerConfig();
        foreach (var (key, value) in settings)
        {
            if (key.Equals("bootstrap.servers", StringComparison.OrdinalIgnoreCase) || key.Equals("metadata.broker.list", StringComparison.OrdinalIgnoreCase))
            {
                continue; // the probe must not connect anywhere
            }
            config.Set(key, value);
        }
        try
        {
            // The log handler swallows librdkafka's start-up remarks (no bootstrap servers, consumer-only settings).
            using var probe = new ProducerBuilder<Null, Null>(config).SetLogHandler((_, _) => { }).Build();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or KafkaException)
        {
            throw new ArgumentException($"-X: {ex.Message.TrimEnd('.')} (see librdkafka's CONFIGURATION.md).");
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
