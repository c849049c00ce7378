using System.CommandLine;
using LagLab.Broker;

namespace LagLab.Cli.Commands;

/// <summary><c>laglab broker</c>: runs the embedded Kafka-protocol broker until SIGTERM or Ctrl-C.</summary>
internal static class BrokerCommand
{
    public static Command Create()
    {
        var defaults = new BrokerOptions();
        var host = new Option<string>("--host") { Description = "Address to bind (loopback by default).", DefaultValueFactory = _ => defaults.Host };
        var port = new Option<int>("--port") { Description = "Port to listen on; 0 picks a free one.", DefaultValueFactory = _ => BrokerOptions.DefaultPort };
        var advertisedHost = new Option<string?>("--advertised-host") { Description = "Host name given to clients in metadata (default: --host)." };
        var dataDir = new Option<DirectoryInfo?>("--data-dir") { Description = "Directory for log segments and broker state." };
        var inMemory = new Option<bool>("--in-memory") { Description = "Keep everything in memory (fast tests; lost on exit)." };
        var partitions = new Option<int>("--default-partitions") { Description = "Partitions of auto-created topics.", DefaultValueFactory = _ => defaults.DefaultPartitions };
        var autoCreate = new Option<bool>("--auto-create-topics") { Description = "Create unknown topics on metadata or produce requests (true|false).", DefaultValueFactory = _ => defaults.AutoCreateTopics, Arity = ArgumentArity.ExactlyOne };
        var maxRequest = new Option<int>("--max-request-size") { Description = "Largest request frame accepted, in bytes.", DefaultValueFactory = _ => defaults.MaxRequestSize };
        var queuedBytes = new Option<long>("--queued-max-request-bytes") { Description = "Bytes of requests being read or handled at once, all connections together (Kafka's queued.max.request.bytes); beyond it, reading waits.", DefaultValueFactory = _ => defaults.QueuedMaxRequestBytes };
        var maxPartitions = new Option<int>("--max-broker-partitions") { Description = "Partitions of all user topics together; creates beyond it are refused with POLICY_VIOLATION.", DefaultValueFactory = _ => defaults.MaxBrokerPartitions };
        var openFiles = new Option<int>("--max-open-segment-files") { Description = "Segment files kept open at once; the least recently used are closed and reopened when needed.", DefaultValueFactory = _ => defaults.MaxOpenSegmentFiles };
        var segmentBytes = new Option<long>("--segment-bytes") { Description = "Default size at which a log segment rolls.", DefaultValueFactory = _ => defaults.SegmentBytes };
        var retentionMs = new Option<long>("--retention-ms") { Description = "Default retention by time (-1: forever).", DefaultValueFactory = _ => defaults.RetentionMs };
        var flushMessages = new Option<long>("--flush-messages") { Description = "fsync after this many messages (1: every acknowledged write; 0: periodic only).", DefaultValueFactory = _ => defaults.FlushIntervalMessages };
        var groupMinSession = new Option<int>("--group-min-session-timeout") { Description = "Smallest session.timeout.ms a group member may use, in ms (Kafka's group.min.session.timeout.ms).", DefaultValueFactory = _ => defaults.GroupMinSessionTimeoutMs };
        var groupMaxSession = new Option<int>("--group-max-session-timeout") { Description = "Largest session.timeout.ms a group member may use, in ms (Kafka's group.max.session.timeout.ms).", DefaultValueFactory = _ => defaults.GroupMaxSessionTimeoutMs };
        var groupInitialDelay = new Option<int>("--group-initial-rebalance-delay") { Description = "How long the first rebalance of an empty group waits for more members, in ms (Kafka's group.initial.rebalance.delay.ms).", DefaultValueFactory = _ => defaults.GroupInitialRebalanceDelayMs };
        var rebuildTopics = new Option<bool>("--rebuild-topic-metadata") { Description = "If topics.json is missing or unreadable, rebuild it from the partition folders (new topic ids, default configs) instead of refusing to start." };
        var verify = new Option<bool>("--verify") { Description = "Check every segment of --data-dir (lengths, offsets, CRC-32C, indexes) of a stopped broker, report, and exit (0: no damage, 1: damage found)." };
        var repair = new Option<bool>("--repair") { Description = "Like --verify, then cut each damaged segment at its first bad batch and delete wrong index files; prints what is lost." };
        var verbose = new Option<bool>("--verbose") { Description = "Log connections and requests." };

        var command = new Command("broker", "Run the embedded Kafka-protocol broker (single node, id 1).")
        {
            host, port, advertisedHost, dataDir, inMemory, partitions, autoCreate, maxRequest, queuedBytes, maxPartitions, openFiles, segmentBytes, retentionMs, flushMessages,
            groupMinSession, groupMaxSession, groupInitialDelay, rebuildTopics, verify, repair, verbose,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(inMemory) && result.GetValue(dataDir) is not null)
            {
                result.AddError("--data-dir and --in-memory cannot be used together.");
            }
            if ((result.GetValue(verify) || result.GetValue(repair)) && result.GetValue(inMemory))
            {
                result.AddError("--verify and --repair check a data directory; they cannot be used with --in-memory.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!CommandHost.TryBuild("broker", () => new BrokerOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                AdvertisedHost = parse.GetValue(advertisedHost),
                DataDirectory = parse.GetValue(inMemory) ? null : (parse.GetValue(dataDir)?.FullName ?? Path.GetFullPath("data")),
                DefaultPartitions = parse.GetValue(partitions),
                AutoCreateTopics = parse.GetValue(autoCreate),
                MaxRequestSize = parse.GetValue(maxRequest),
                QueuedMaxRequestBytes = parse.GetValue(queuedBytes),
                MaxBrokerPartitions = parse.GetValue(maxPartitions),
                MaxOpenSegmentFiles = parse.GetValue(openFiles),
                SegmentBytes = parse.GetValue(segmentBytes),
                RetentionMs = parse.GetValue(retentionMs),
                FlushIntervalMessages = parse.GetValue(flushMessages),
                GroupMinSessionTimeoutMs = parse.GetValue(groupMinSession),
                GroupMaxSessionTimeoutMs = parse.GetValue(groupMaxSession),
                GroupInitialRebalanceDelayMs = parse.GetValue(groupInitialDelay),
                RebuildTopicMetadata = parse.GetValue(rebuildTopics),
            }, o => o.Validate(), out var options))
            {
                return CommandHost.UsageError;
            }
            if (parse.GetValue(verify) || parse.GetValue(repair))
            {
                return Verify(options.DataDirectory!, parse.GetValue(repair));
            }
            using var loggerFactory = CommandHost.Logging(parse, verbose);
            using var shutdown = new ShutdownSignal();
            KafkaBroker broker;
            try
            {
                broker = await KafkaBroker.StartAsync(options, loggerFactory);
            }
            catch (BrokerStartException ex)
            {
                return CommandHost.Fail("broker", ex.Message);
            }
            await using (broker)
            {
                await CommandHost.ServeAsync($"laglab broker ready: bootstrap servers {broker.BootstrapServers}", shutdown.Token);
            }
            return 0;
        });
        return command;
    }

    private static int Verify(string dataDirectory, bool repair)
    {
        try
        {
            var damaged = KafkaBroker.VerifyDataDirectory(dataDirectory, repair, Console.Out);
            return damaged > 0 && !repair ? 1 : 0;
        }
        catch (BrokerStartException ex)
        {
            return CommandHost.Fail("broker", ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return CommandHost.Fail("broker", $"cannot verify {dataDirectory}: {ex.Message}");
        }
    }
}
