using LagLab.Broker.Groups;
using LagLab.Broker.Groups.Persistence;
using LagLab.Broker.Handlers;
using LagLab.Broker.Logging;
using LagLab.Broker.Network;
using LagLab.Broker.Storage;
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

    private KafkaBroker(BrokerOptions options, string clusterId, BrokerServer server, BrokerMetrics metrics, ILogger logger, IAsyncDisposable[] components)
    {
        Options = options;
        ClusterId = clusterId;
        _server = server;
        _metrics = metrics;
        _logger = logger;
        _components = components;
    }

    public BrokerOptions Options { get; }

    public string ClusterId { get; }

    /// <summary>The port the broker listens on.</summary>
    public int Port => _server.Port;

    /// <summary>"host:port" to give to clients.</summary>
    public string BootstrapServers => $"{Options.EffectiveAdvertisedHost}:{Port}";

    public static Task<KafkaBroker> StartAsync(BrokerOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        options.Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        timeProvider ??= TimeProvider.System;
        var logger = loggerFactory.CreateLogger("LagLab.Broker");
        if (options.DataDirectory is not null)
        {
            Directory.CreateDirectory(options.DataDirectory);
        }
        var clusterId = BrokerMetadataFile.LoadOrCreateClusterId(options.DataDirectory);
        var metrics = new BrokerMetrics();

        var groups = GroupCoordinatorHost.Start(options, new MemoryOffsetsTopicLog(), timeProvider, loggerFactory, metrics.Meter);

        RequestDispatcher? dispatcher = null;
        BrokerServer? server = null;
        IRequestHandler[] handlers =
        [
            new ApiVersionsHandler(() => dispatcher!.Advertised),
            .. groups.Handlers(options, () => server!.Port, (_, _) => true, logEndOffset: null),
        ];
        dispatcher = new RequestDispatcher(handlers);

        server = new BrokerServer(options, dispatcher, metrics, logger);
        var broker = new KafkaBroker(options, clusterId, server, metrics, logger, [groups]);
        server.Start();
        BrokerLog.Listening(logger, options.NodeId, broker.BootstrapServers, clusterId, options.DataDirectory ?? "in memory");
        return Task.FromResult(broker);
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
