using System.Globalization;
using LagLab.Monitor.Analysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LagLab.Monitor.Configuration;

/// <summary>
/// The monitor's YAML config file (<c>--config</c>): the same names as the command-line options, plus a
/// <c>kafka:</c> mapping of librdkafka settings. Unknown keys and bad values fail with FILE:LINE and the key.
/// <code>
/// bootstrap-servers: 127.0.0.1:9092
/// interval: 5s
/// groups: ^recon-
/// kafka:
///   security.protocol: SASL_SSL
///   sasl.password: ${not logged}
/// </code>
/// </summary>
public static class MonitorConfigFile
{
    public static void Apply(string path, MonitorOptions options)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--config: cannot read '{path}': {ex.Message}");
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ArgumentException($"{path}:{ex.Start.Line}: invalid YAML: {ex.Message}");
        }
        if (stream.Documents.Count == 0)
        {
            return;
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ArgumentException($"{path}: the config file must be a mapping of option names to values");
        }
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var where = $"{path}:{keyNode.Start.Line}: {key}";
            if (key == "kafka")
            {
                if (valueNode is not YamlMappingNode settings)
                {
                    throw new ArgumentException($"{where}: must be a mapping of librdkafka settings");
                }
                foreach (var (name, value) in settings.Children)
                {
                    options.KafkaSettings[((YamlScalarNode)name).Value ?? ""] = (value as YamlScalarNode)?.Value
                        ?? throw new ArgumentException($"{path}:{value.Start.Line}: kafka.{name}: must be a single value");
                }
                continue;
            }
            if (valueNode is not YamlScalarNode scalar)
            {
                throw new ArgumentException($"{where}: must be a single value");
            }
            try
            {
                Set(options, key, scalar.Value ?? "");
            }
            catch (FormatException ex)
            {
                throw new ArgumentException($"{where}: {ex.Message}");
            }
        }
    }

    /// <summary>Sets one option by its command-line name (without dashes); throws <see cref="FormatException"/> on a bad value.</summary>
    public static void Set(MonitorOptions options, string key, string value)
    {
        switch (key)
        {
            case "bootstrap-servers": options.BootstrapServers = value; break;
            case "listen": options.Listen = value; break;
            case "interval": options.Interval = Duration(value); break;
            case "cycle-timeout": options.CycleTimeout = Duration(value); break;
            case "groups": options.Groups = value; break;
            case "exclude-groups": options.ExcludeGroups = value; break;
            case "topics": options.Topics = value; break;
            case "rules": options.RulesFile = value; break;
            case "webhook": options.Webhook = Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : throw new FormatException($"'{value}' is not an absolute URL"); break;
            case "isolation-level": options.ReadCommitted = IsolationLevel(value); break;
            case "max-concurrency": options.MaxConcurrency = Integer(value); break;
            case "status-window": options.StatusWindow = Duration(value); break;
            case "allowed-lag": options.AllowedLag = Integer(value); break;
            case "time-lag-mode": options.TimeLagMode = Mode(value); break;
            case "exact-reads-per-cycle": options.ExactReadsPerCycle = Integer(value); break;
            case "history": options.History = Duration(value); break;
            case "alert-for": options.AlertForOverride = Duration(value); break;
            case "alert-resend-interval": options.AlertResendInterval = Duration(value); break;
            default: throw new FormatException("unknown option");
        }
    }

    public static bool IsolationLevel(string value) => value switch
    {
        "read_uncommitted" => false,
        "read_committed" => true,
        _ => throw new FormatException($"'{value}' is not read_uncommitted or read_committed"),
    };

    public static TimeLagMode Mode(string value) => value switch
    {
        "estimate" => TimeLagMode.Estimate,
        "auto" => TimeLagMode.Auto,
        "exact" => TimeLagMode.Exact,
        _ => throw new FormatException($"'{value}' is not estimate, auto or exact"),
    };

    private static TimeSpan Duration(string value) =>
        PromDuration.TryParse(value, out var duration) ? duration : throw new FormatException($"'{value}' is not a duration (examples: 500ms, 5s, 1m30s)");

    private static int Integer(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : throw new FormatException($"'{value}' is not a whole number");
}
