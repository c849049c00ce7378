using System.CommandLine;
using System.CommandLine.Parsing;
using LagLab.Monitor;
using LagLab.Monitor.Alerting;
using LagLab.Monitor.Configuration;

namespace LagLab.Cli.Commands;

/// <summary><c>laglab monitor</c>: the lag monitor until SIGTERM or Ctrl-C. Options override the --config file.</summary>
internal static class MonitorCommand
{
    public static Command Create()
    {
        var bootstrap = new Option<string?>("--bootstrap-servers") { Description = "Kafka bootstrap servers (host:port,...)." };
        var listen = new Option<string?>("--listen") { Description = $"host:port for /metrics, the API and the dashboard (default {MonitorOptions.DefaultListen})." };
        var interval = new Option<string?>("--interval") { Description = "Collection interval (default 5s)." };
        var groups = new Option<string?>("--groups") { Description = "Only groups matching this regex." };
        var excludeGroups = new Option<string?>("--exclude-groups") { Description = "Leave out groups matching this regex." };
        var topics = new Option<string?>("--topics") { Description = "Only topics matching this regex (default: all but internal __ topics)." };
        var rules = new Option<string?>("--rules") { Description = "Prometheus rule file for the built-in alert engine (default: the shipped laglab-alerts.yml)." };
        var webhook = new Option<string?>("--webhook") { Description = "Alertmanager-compatible receiver (base URL or .../api/v2/alerts)." };
        var settings = KafkaSettingsArgument.Create();
        var config = new Option<string?>("--config") { Description = "YAML file with the same option names (and a kafka: mapping)." };
        var isolation = new Option<string?>("--isolation-level") { Description = "read_uncommitted (high watermark, default) or read_committed (last stable offset)." };
        var timeLagMode = new Option<string?>("--time-lag-mode") { Description = "estimate, auto (default) or exact." };
        var alertFor = new Option<string?>("--alert-for") { Description = "Replace every non-zero 'for' of the rules (tests and demos)." };
        var verbose = new Option<bool>("--verbose") { Description = "Log every cycle." };

        var command = new Command("monitor", "Run the lag monitor: lag and time lag per partition, status, predictions, /metrics, alerts, dashboard.")
        {
            bootstrap, listen, interval, groups, excludeGroups, topics, rules, webhook, settings, config, isolation, timeLagMode, alertFor, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            (Option<string?>, string)[] named =
            [
                (bootstrap, "bootstrap-servers"), (listen, "listen"), (interval, "interval"), (groups, "groups"),
                (excludeGroups, "exclude-groups"), (topics, "topics"), (rules, "rules"), (webhook, "webhook"),
                (isolation, "isolation-level"), (timeLagMode, "time-lag-mode"), (alertFor, "alert-for"),
            ];
            if (!CommandHost.TryBuild("monitor", () => BuildOptions(parse, config, settings, named), o =>
                {
                    o.Validate();
                    KafkaSettingsArgument.Validate(o.KafkaSettings);
                }, out var options))
            {
                return CommandHost.UsageError;
            }
            using var loggerFactory = CommandHost.Logging(parse, verbose);
            using var shutdown = new ShutdownSignal();
            LagMonitor monitor;
            try
            {
                monitor = await LagMonitor.StartAsync(options, loggerFactory, cancellationToken: shutdown.Token);
            }
            catch (RuleFileException ex)
            {
                return CommandHost.Fail("monitor", $"invalid rule file: {ex.Message}");
            }
            catch (IOException ex)
            {
                return CommandHost.Fail("monitor", $"cannot listen on {options.Listen}: {ex.Message}");
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                // Not an address of this machine (99), or a port the user may not bind (13).
                return CommandHost.Fail("monitor", $"--listen {options.Listen}: cannot listen there: {ex.Message}.");
            }
            await using (monitor)
            {
                await CommandHost.ServeAsync($"laglab monitor ready: {monitor.Url}", shutdown.Token);
            }
            return 0;
        });
        return command;
    }

    private static MonitorOptions BuildOptions(ParseResult parse, Option<string?> config, Option<string[]> settings, (Option<string?> Option, string Name)[] named)
    {
        var options = new MonitorOptions();
        if (parse.GetValue(config) is { } path)
        {
            MonitorConfigFile.Apply(path, options);
        }
        foreach (var (option, name) in named)
        {
            if (parse.GetValue(option) is { } value)
            {
                try
                {
                    MonitorConfigFile.Set(options, name, value);
                }
                catch (FormatException ex)
                {
                    throw new ArgumentException($"--{name}: {ex.Message}");
                }
            }
        }
        KafkaSettingsArgument.Apply(parse.GetValue(settings), options.KafkaSettings);
        return options;
    }
}
