using LagLab.Broker.Groups;
using LagLab.Broker.Groups.Persistence;
using LagLab.Broker.Handlers;
using LagLab.Broker.Handlers.Admin;
using LagLab.Broker.Handlers.Data;
using LagLab.Broker.Handlers.Metadata;
using LagLab.Broker.Handlers.Producers;
using LagLab.Broker.Logging;
using LagLab.Broker.Network;
using LagLab.Broker.Storage;
using LagLab.Broker.Topics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LagLab.Broker;

/// <summary>
/// The embedded broker, in process: start it on a free port, hand <see cref="BootstrapServers"/> to any
/// Kafka client, dispose it when done.
/// <code>
/// await using var broker = await KafkaBroker.StartAsync(new BrokerOptions { Port = 0 });
/// var config = new ProducerConfig { BootstrapServers = broker.BootstrapServers };
/// </code>
/// </summary>
public sealed class KafkaBroker : IAsyncDisposable
{
    private readonly BrokerServer _server;
    private readonly BrokerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly IAsyncDisposable[] _components;
    private int _disposed;

    private KafkaBroker(BrokerOptions options, string clusterId, BrokerServer server, BrokerMetrics metrics, ILogger logger, TopicManager topics, IAsyncDisposable[] components)
    {
        Options = options;
        Topics = topics;
        ClusterId = clusterId;
        _server = server;
        _metrics = metrics;
        _logger = logger;
        _components = components;
    }

    public BrokerOptions Options { get; }

    public string ClusterId { get; }

    /// <summary>Topics and partitions, for in-process use (tests, the broker's own internal topics).</summary>
    internal TopicManager Topics { get; }

    /// <summary>This broker's instruments (tests listen to this meter instance, not to every broker's).</summary>
    internal BrokerMetrics Metrics => _metrics;

    /// <summary>The port the broker listens on.</summary>
    public int Port => _server.Port;

    /// <summary>"host:port" to give to clients.</summary>
    public string BootstrapServers => $"{Options.EffectiveAdvertisedHost}:{Port}";

    public static async Task<KafkaBroker> StartAsync(BrokerOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        options.Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        timeProvider ??= TimeProvider.System;
        var logger = loggerFactory.CreateLogger("LagLab.Broker");
        var metrics = new BrokerMetrics();
        // The port first: a taken port fails before storage is opened or anything is logged.
        BrokerServer server;
        try
        {
            server = new BrokerServer(options, metrics, logger);
        }
        catch
        {
            metrics.Dispose();
            throw;
        }
        string clusterId;
        TopicManager topics;
        try
        {
            DataDirectory.EnsureUsable(options.DataDirectory);
            clusterId = BrokerMetadataFile.LoadOrCreateClusterId(options.DataDirectory);
            // Storage first and disposed last: shutdown flushes everything acknowledged.
            topics = new TopicManager(options, timeProvider, logger, metrics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await server.DisposeAsync();
            metrics.Dispose();
            throw new BrokerStartException($"data directory {options.DataDirectory}: {ex.Message}", ex);
        }
        catch
        {
            await server.DisposeAsync();
            metrics.Dispose();
            throw;
        }
        var node = new BrokerNode(options.NodeId, options.EffectiveAdvertisedHost, clusterId);
        var storage = new StorageService(topics, new LogMaintenance(topics, options, timeProvider, logger), metrics);

        var groups = GroupCoordinatorHost.Start(options, TopicOffsetsLog.Open(topics), timeProvider, loggerFactory, metrics.Meter);

        RequestDispatcher? dispatcher = null;
        IRequestHandler[] handlers =
        [
            new ApiVersionsHandler(() => dispatcher!.Advertised),
            new ProduceHandler(topics, metrics),
            new FetchHandler(topics, metrics, timeProvider),
            new ListOffsetsHandler(topics, metrics),
            new MetadataHandler(topics, node, options, metrics),
            new CreateTopicsHandler(topics, node, metrics),
            new DeleteTopicsHandler(topics, metrics),
            new CreatePartitionsHandler(topics, node, metrics),
            new DescribeConfigsHandler(topics, options, metrics),
            new InitProducerIdHandler(topics, metrics),
            .. groups.Handlers(options, () => node.Port, topics.PartitionExists, topics.LogEndOffset),
        ];
        dispatcher = new RequestDispatcher(handlers);

        node.Port = server.Port;
        var broker = new KafkaBroker(options, clusterId, server, metrics, logger, topics, [storage, groups]);
        server.Start(dispatcher);
        BrokerLog.Listening(logger, options.NodeId, broker.BootstrapServers, clusterId, options.DataDirectory ?? "in memory");
        return broker;
    }

    /// <summary>
    /// Checks every segment of a stopped broker's data directory (batch lengths, offsets, CRC-32C, offset
    /// indexes), writing one line per problem to <paramref name="report"/>; with <paramref name="repair"/>,
    /// cuts each damaged segment at its first bad batch and deletes wrong index files. Returns the number of
    /// problems found. Throws <see cref="BrokerStartException"/> when a broker holds the directory.
    /// </summary>
    public static int VerifyDataDirectory(string dataDirectory, bool repair, TextWriter report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!Directory.Exists(dataDirectory))
        {
            throw new BrokerStartException($"--data-dir {dataDirectory} does not exist.");
        }
        using var directoryLock = TopicManager.LockDirectory(dataDirectory);
        var damage = DataDirectoryVerifier.Run(dataDirectory, repair);
        foreach (var found in damage)
        {
            report.WriteLine($"{found.File} at byte {found.Position}: {found.Problem}; {(repair ? "repaired" : "repair would")}: {found.Repair}");
        }
        report.WriteLine(damage.Count == 0
            ? $"{dataDirectory}: every segment verified, no damage"
            : $"{dataDirectory}: {damage.Count} damaged files{(repair ? ", repaired" : "; run again with --repair to cut them (the lines above say what is lost)")}");
        return damage.Count;
    }

    /// <summary>Stops accepting, closes connections, and flushes everything acknowledged to disk.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _server.DisposeAsync();
        foreach (var component in _components.Reverse())
        {
            await component.DisposeAsync();
        }
        _metrics.Dispose();
        BrokerLog.Stopped(_logger);
    }
}
