namespace LagLab.Contracts;

/// <summary>
/// The one list of librdkafka settings whose values must never reach a log line, an error message or an API: every
/// property librdkafka itself flags as sensitive (<c>_RK_SENSITIVE</c> in rdkafka_conf.c, 2.16) plus the OAuth/OIDC ones
/// that carry credentials without the flag. Every part that prints settings (the monitor's start line, -X errors) masks
/// through <see cref="Display"/>.
/// </summary>
public static class KafkaSecretSettings
{
    /// <summary>What a secret value is shown as.</summary>
    public const string Mask = "***";

    private static readonly HashSet<string> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        // Flagged sensitive by librdkafka.
        "sasl.username",
        "sasl.password",
        "sasl.oauthbearer.config",
        "ssl.key.location",
        "ssl.key.password",
        "ssl.key.pem",
        "ssl_key",
        "ssl.ca.pem",
        "ssl.keystore.password",
        // Credentials librdkafka does not flag: the OIDC client secret, extensions (tenant ids, tokens), JWT assertion keys.
        "sasl.oauthbearer.client.secret",
        "sasl.oauthbearer.extensions",
        "sasl.oauthbearer.assertion.private.key.file",
        "sasl.oauthbearer.assertion.private.key.passphrase",
        "sasl.oauthbearer.assertion.private.key.pem",
        // Rejected by librdkafka (a Java setting), but users paste it with a password inside.
        "sasl.jaas.config",
    };

    // Keys of future librdkafka versions are caught by what they are named after.
    private static readonly string[] Markers = ["password", "secret", "private.key", "credential"];

    /// <summary>True when the value of <paramref name="key"/> must not be shown.</summary>
    public static bool IsSecret(string key) =>
        Keys.Contains(key.Trim()) || Markers.Any(marker => key.Contains(marker, StringComparison.OrdinalIgnoreCase));

    /// <summary>The value as it may be shown: <see cref="Mask"/> for a secret key, else the value.</summary>
    public static string Display(string key, string value) => IsSecret(key) ? Mask : value;

    /// <summary>
    /// A <c>laglab</c> command line as it may be shown (a part's log file): the value of every secret <c>-X key=value</c>
    /// masked, everything else as is.
    /// </summary>
    public static string DescribeArguments(IEnumerable<string> arguments)
    {
        var shown = new List<string>();
        var afterX = false;
        foreach (var argument in arguments)
        {
            var eq = argument.IndexOf('=', StringComparison.Ordinal);
            shown.Add(afterX && eq > 0 ? $"{argument[..eq]}={Display(argument[..eq], argument[(eq + 1)..])}" : afterX ? Display(argument, argument) : argument);
            afterX = argument == "-X";
        }
        return string.Join(' ', shown);
    }

    /// <summary><c>key=value, ...</c> sorted by key, secrets masked: the only way settings reach a log line.</summary>
    public static string Describe(IEnumerable<KeyValuePair<string, string>> settings) =>
        string.Join(", ", settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={Display(s.Key, s.Value)}"));
}
