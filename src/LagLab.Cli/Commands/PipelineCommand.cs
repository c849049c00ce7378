using System.CommandLine;
using LagLab.Pipeline;
using LagLab.Pipeline.Hosting;

namespace LagLab.Cli.Commands;

/// <summary><c>laglab pipeline</c>: one reconciliation pipeline instance, until SIGTERM or Ctrl-C (then drain, commit, close).</summary>
internal static class PipelineCommand
{
    public static Command Create()
    {
        var d = new PipelineOptions();
        var bootstrap = new Option<string>("--bootstrap-servers") { Description = "Kafka bootstrap servers.", Required = true };
        var topic = new Option<string>("--topic") { Description = "Topic of reconciliation events.", DefaultValueFactory = _ => d.Topic };
        var group = new Option<string>("--group") { Description = "Consumer group.", DefaultValueFactory = _ => d.Group };
        var bankUrl = new Option<string>("--bank-url") { Description = "Base URL of the bank API.", Required = true };
        var results = new Option<string>("--results-topic") { Description = "Topic for one result record per applied event.", DefaultValueFactory = _ => d.ResultsTopic };
        var deadLetter = new Option<string>("--dead-letter-topic") { Description = "Topic for malformed or rejected events (reason in a header).", DefaultValueFactory = _ => d.DeadLetterTopic };
        var instance = new Option<string?>("--instance-id") { Description = "Static membership: group.instance.id (also names the instance)." };
        var assignor = new Option<string>("--assignor") { Description = "cooperative-sticky, range or roundrobin.", DefaultValueFactory = _ => "cooperative-sticky" };
        var mode = new Option<string>("--mode") { Description = "async (poll loop never waits on the bank) or blocking (the incident's consumer).", DefaultValueFactory = _ => "async" };
        var concurrency = new Option<int>("--concurrency") { Description = "Accounts applied at the same time.", DefaultValueFactory = _ => d.Concurrency };
        var rateLimit = new Option<double>("--rate-limit") { Description = "The bank's budget for the whole group, requests/s (split by partition share).", DefaultValueFactory = _ => d.RateLimit };
        var buffer = new Option<string>("--buffer") { Description = "memory (bounded; lag stays in Kafka) or durable (SQLite spool).", DefaultValueFactory = _ => "memory" };
        var spoolDir = new Option<string?>("--spool-dir") { Description = "Directory of the durable spool (default ./spool/<instance>)." };
        var maxBuffered = new Option<int>("--max-buffered") { Description = "Events taken and not final at which partitions pause (resume at half).", DefaultValueFactory = _ => d.MaxBuffered };
        var metrics = new Option<string?>("--metrics-listen") { Description = "HOST:PORT for Prometheus /metrics." };
        var revokeTimeout = new Option<string?>("--revoke-timeout") { Description = "Bound for in-flight work of revoked partitions (default 5s)." };
        var drainTimeout = new Option<string?>("--drain-timeout") { Description = "Bound for in-flight work on SIGTERM (default 10s)." };
        var commitInterval = new Option<string?>("--commit-interval") { Description = "How often final offsets are committed (default 1s)." };
        var bankTimeout = new Option<string?>("--bank-timeout") { Description = "A bank call without an answer by then is a timeout (default 2s)." };
        var breakDuration = new Option<string?>("--break-duration") { Description = "How long the breaker stays open before a probe (default 2s)." };
        var kafka = KafkaSettingsArgument.Create();
        var verbose = new Option<bool>("--verbose") { Description = "Debug logging." };

        var command = new Command("pipeline", "Run one reconciliation pipeline instance: Kafka -> bank, in per-account order, never blocking the poll loop.")
        {
            bootstrap, topic, group, bankUrl, results, deadLetter, instance, assignor, mode, concurrency, rateLimit, buffer, spoolDir, maxBuffered, metrics,
            revokeTimeout, drainTimeout, commitInterval, bankTimeout, breakDuration, kafka, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!CommandHost.TryBuild("pipeline", () =>
            {
                var options = new PipelineOptions
                {
                    BootstrapServers = parse.GetValue(bootstrap)!,
                    Topic = parse.GetValue(topic)!,
                    Group = parse.GetValue(group)!,
                    BankUrl = parse.GetValue(bankUrl)!,
                    ResultsTopic = parse.GetValue(results)!,
                    DeadLetterTopic = parse.GetValue(deadLetter)!,
                    InstanceId = parse.GetValue(instance),
                    Assignor = parse.GetValue(assignor) switch
                    {
                        "cooperative-sticky" => Assignor.CooperativeSticky,
                        "range" => Assignor.Range,
                        "roundrobin" => Assignor.RoundRobin,
                        var other => throw new ArgumentException($"--assignor must be cooperative-sticky, range or roundrobin, got '{other}'."),
                    },
                    Mode = parse.GetValue(mode) switch
                    {
                        "async" => ProcessingMode.Async,
                        "blocking" => ProcessingMode.Blocking,
                        var other => throw new ArgumentException($"--mode must be async or blocking, got '{other}'."),
                    },
                    Concurrency = parse.GetValue(concurrency),
                    RateLimit = parse.GetValue(rateLimit),
                    Buffer = parse.GetValue(buffer) switch
                    {
                        "memory" => BufferMode.Memory,
                        "durable" => BufferMode.Durable,
                        var other => throw new ArgumentException($"--buffer must be memory or durable, got '{other}'."),
                    },
                    SpoolDirectory = parse.GetValue(spoolDir),
                    MaxBuffered = parse.GetValue(maxBuffered),
                    MetricsListen = parse.GetValue(metrics),
                    RevokeTimeout = KafkaSettingsArgument.Duration("--revoke-timeout", parse.GetValue(revokeTimeout), d.RevokeTimeout),
                    DrainTimeout = KafkaSettingsArgument.Duration("--drain-timeout", parse.GetValue(drainTimeout), d.DrainTimeout),
                    CommitInterval = KafkaSettingsArgument.Duration("--commit-interval", parse.GetValue(commitInterval), d.CommitInterval),
                    BankTimeout = KafkaSettingsArgument.Duration("--bank-timeout", parse.GetValue(bankTimeout), d.BankTimeout),
                    BreakDuration = KafkaSettingsArgument.Duration("--break-duration", parse.GetValue(breakDuration), d.BreakDuration),
                };
                KafkaSettingsArgument.Apply(parse.GetValue(kafka), options.KafkaSettings);
                return options;
            }, o =>
            {
                o.Validate();
                KafkaSettingsArgument.Validate(o.KafkaSettings);
            }, out var options))
            {
                return CommandHost.UsageError;
            }
            using var loggerFactory = CommandHost.Logging(parse, verbose);
            using var shutdown = new ShutdownSignal();
            try
            {
                await ReconciliationPipeline.RunAsync(options, loggerFactory, Console.Out, shutdown.Token);
            }
            catch (Confluent.Kafka.KafkaException ex)
            {
                return CommandHost.Fail("pipeline", $"Kafka error: {ex.Error.Reason}", exitCode: 1);
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                // Not an address of this machine (99), or a port the user may not bind (13).
                return CommandHost.Fail("pipeline", $"--metrics-listen {options.MetricsListen}: cannot listen there: {ex.Message}.");
            }
            catch (PipelineFailedException ex)
            {
                // Already logged with its stack trace; one line for whoever reads the exit.
                return CommandHost.Fail("pipeline", ex.Message, exitCode: 1);
            }
            catch (IOException ex)
            {
                return CommandHost.Fail("pipeline", ex.Message, exitCode: 1);
            }
            return 0;
        });
        return command;
    }
}
