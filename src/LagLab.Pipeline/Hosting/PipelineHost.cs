using Confluent.Kafka;
using LagLab.Metrics;
using LagLab.Pipeline.Bank;
using LagLab.Pipeline.Buffering;
using LagLab.Pipeline.Dispatch;
using LagLab.Pipeline.Flow;
using LagLab.Pipeline.Logging;
using LagLab.Pipeline.Metrics;
using LagLab.Pipeline.Processing;
using Microsoft.Extensions.Logging;

namespace LagLab.Pipeline.Hosting;

/// <summary>
/// One pipeline instance: a Kafka consumer whose poll loop runs on its own thread and only takes records, tracks offsets,
/// pauses and resumes, commits and handles rebalances; workers apply events to the bank (see <see cref="EventProcessor"/>).
/// Every part it starts is awaited before <see cref="RunAsync"/> returns.
/// </summary>
internal sealed partial class PipelineHost : IDisposable
{
    private readonly PipelineOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _log;
    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly string _instance;
    private readonly PipelineMetrics _metrics = new();
    private readonly HttpClient _http;
    private readonly BankBudget _budget;
    private readonly BankGateway _bank;
    private readonly DurableSpool? _spool;
    private readonly IProducer<byte[]?, byte[]?> _producer;
    private readonly KafkaOutcomeSink _sink;
    private readonly EventProcessor _processor;
    private readonly OrderedDispatcher<WorkItem> _dispatcher;
    private readonly BackPressure _flow;
    private readonly IConsumer<byte[]?, byte[]?> _consumer;

    // Poll-thread state (rebalance handlers run on the poll thread too, inside Consume and Close).
    private readonly Dictionary<TopicPartition, PartitionLease> _leases = [];
    private readonly HashSet<TopicPartition> _paused = [];
    private readonly List<TopicPartition> _pauseWhenAssigned = [];
    private readonly Dictionary<TopicPartition, DateTimeOffset> _revokedAt = [];
    private volatile int _ownedCount;
    private volatile int _pausedCount;
    private volatile int _topicPartitions;

    // The first unexpected failure; it stops the poll loop (see Fail).
    private readonly CancellationTokenSource _failed = new();
    private PipelineFailedException? _failure;

    // Set on a failure on the poll thread or in a rebalance callback: from then on nothing is committed.
    private volatile bool _untrusted;

    /// <param name="wrapConsumer">Tests only: wraps the built consumer (e.g. to seek it the way librdkafka does on its own).</param>
    public PipelineHost(PipelineOptions options, ILoggerFactory loggerFactory, TextWriter output, TimeProvider? time = null,
        Func<IConsumer<byte[]?, byte[]?>, IConsumer<byte[]?, byte[]?>>? wrapConsumer = null)
    {
        options.Validate();
        _options = options;
        _loggerFactory = loggerFactory;
        _log = loggerFactory.CreateLogger("LagLab.Pipeline");
        _output = output;
        _time = time ?? TimeProvider.System;
        _instance = options.EffectiveInstance;
        // The breaker's timeout bounds each call; the client's own timeout is only a backstop.
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(16, options.Concurrency), PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = new Uri(options.BankUrl),
            Timeout = options.BankTimeout + TimeSpan.FromSeconds(5),
        };
        _budget = new BankBudget(options.RateLimit * BankBudget.PacingFactor, _time);
        _bank = new BankGateway(new BankClient(_http, _time), new BreakerSettings { CallTimeout = options.BankTimeout, BreakDuration = options.BreakDuration }, _time,
            state => PipelineLog.Breaker(_log, state.ToString()));
        if (options.Buffer == BufferMode.Durable)
        {
            _spool = DurableSpool.Open(options.EffectiveSpoolDirectory);
        }
        _producer = BuildProducer();
        _sink = new KafkaOutcomeSink(_producer, options.ResultsTopic, options.DeadLetterTopic);
        _processor = new EventProcessor(_budget, _bank, _sink, _spool, _metrics, _time, new ProcessorSettings { Instance = _instance }, _log);
        // Lanes by partition: after a restart every partition's backlog moves at once instead of one after another.
        _dispatcher = new OrderedDispatcher<WorkItem>(options.Concurrency, i => i.Account, _processor.HandleAsync,
            OnWorkFailed, i => i.Lease?.TopicPartition.Partition.Value ?? -1);
        _flow = new BackPressure(options.MaxBuffered, options.MaxBuffered / 2);
        _consumer = wrapConsumer is null ? BuildConsumer() : wrapConsumer(BuildConsumer());
        _metrics.ObserveState(
            () => _dispatcher.Pending,
            () => _dispatcher.Queued,
            () => _bank.State,
            () => _spool?.Depth ?? 0,
            () => _spool?.OldestProducedAt is { } oldest ? Math.Max(0, (_time.GetUtcNow() - oldest).TotalSeconds) : 0,
            () => _ownedCount,
            () => _pausedCount,
            () => _budget.Rate);
    }

    public PipelineMetrics Metrics => _metrics;

    public async Task RunAsync(CancellationToken stop)
    {
        using var exporter = new PrometheusTextExporter(_metrics.Meter, PipelineMetrics.SecondsBuckets);
        MetricsServer? server = null;
        if (_options.MetricsListen is not null)
        {
            PipelineOptions.TryParseEndpoint(_options.MetricsListen, out var endpoint);
            server = await MetricsServer.StartAsync(endpoint!, exporter, _loggerFactory, stop).ConfigureAwait(false);
            PipelineLog.MetricsListening(_log, server.Endpoint);
            WriteLine($"laglab pipeline metrics: http://{server.Endpoint}/metrics");
        }
        try
        {
            using var background = new CancellationTokenSource();
            var workers = _options.Mode == ProcessingMode.Async ? _dispatcher.RunAsync(background.Token) : Task.CompletedTask;
            if (_spool is { Depth: > 0 } spool)
            {
                PipelineLog.SpoolRecovered(_log, _options.EffectiveSpoolDirectory, spool.Depth);
                foreach (var account in spool.Accounts)
                {
                    _dispatcher.Enqueue(WorkItem.Replay(account));
                }
            }
            var replayer = _spool is null ? Task.CompletedTask : ReplayLoopAsync(background.Token);
            // The poll loop stops on SIGTERM or on the first unexpected failure (then it shuts down the same way).
            using var loopStop = CancellationTokenSource.CreateLinkedTokenSource(stop, _failed.Token);
            // Stops with the poll loop's stop signal, before the consumer closes (it borrows the consumer's handle).
            using var metadataStop = CancellationTokenSource.CreateLinkedTokenSource(loopStop.Token, background.Token);
            var metadata = MetadataLoopAsync(metadataStop.Token);
            PipelineLog.Started(_log, _instance, _options.Topic, _options.Group, _options.Assignor.ToString(), _options.Mode.ToString(), _options.Buffer.ToString(),
                _options.Concurrency, _options.BankUrl, _options.RateLimit);
            try
            {
                await RunPollThreadAsync(loopStop.Token).ConfigureAwait(false);
            }
            finally
            {
                await background.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(workers, replayer, metadata).ConfigureAwait(false);
                _producer.Flush(TimeSpan.FromSeconds(5));
            }
            if (_failure is not null)
            {
                throw _failure;
            }
            PipelineLog.Stopped(_log);
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Records the first unexpected failure, logged with what was being done, and stops the poll loop, which then shuts
    /// down as on SIGTERM (what is final is committed, the rest is left to the next owner); <see cref="RunAsync"/> then
    /// throws it. Later failures (often consequences of the first) are only logged. Safe from any thread.
    /// </summary>
    private void Fail(string activity, Exception? cause)
    {
        PipelineLog.Failed(_log, cause, activity);
        if (Interlocked.CompareExchange(ref _failure, new PipelineFailedException(activity, cause), null) is null)
        {
            _failed.Cancel();
        }
    }

    /// <summary>
    /// A work item threw (its offset can never become final). Runs on the worker that still holds the account, so the
    /// account's queued events are removed before any of them could go ahead of this one: they stay in Kafka (their
    /// offsets are behind this one, so they are not committed either) and the next owner applies them in order.
    /// </summary>
    private void OnWorkFailed(WorkItem item, Exception exception)
    {
        foreach (var later in _dispatcher.RemoveQueued(i => i.Account == item.Account))
        {
            later.Lease?.Tracker.Release(later.Offset);
        }
        Fail($"processing {item}", exception);
    }

    public void Dispose()
    {
        _failed.Dispose();
        _consumer.Dispose();
        _producer.Dispose();
        _spool?.Dispose();
        _http.Dispose();
        _metrics.Dispose();
        foreach (var lease in _leases.Values)
        {
            lease.Dispose();
        }
    }

    /// <summary>Spooled accounts get a replay turn whenever the bank looks usable; the replay stops at the first "later".</summary>
    private async Task ReplayLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), _time, cancellationToken).ConfigureAwait(false);
                if (_bank.State == BreakerState.Open || _budget.PausedUntil is not null)
                {
                    continue;
                }
                var budget = _options.Concurrency;
                foreach (var account in _spool!.Accounts)
                {
                    if (budget-- <= 0)
                    {
                        break;
                    }
                    if (!_dispatcher.HasKey(account))
                    {
                        _dispatcher.Enqueue(WorkItem.Replay(account));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // a dead replay loop would leave the spool unreplayed for good: the instance stops instead
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                Fail("scheduling spool replays", ex);
            }
        }
    }

    /// <summary>Keeps the topic's partition count current (it can grow), so the bank budget is split by the real share.</summary>
    private async Task MetadataLoopAsync(CancellationToken cancellationToken)
    {
        using var admin = new DependentAdminClientBuilder(_consumer.Handle).Build();
        try
        {
            while (true)
            {
                try
                {
                    var metadata = await Task.Run(() => admin.GetMetadata(_options.Topic, TimeSpan.FromSeconds(5)), cancellationToken).ConfigureAwait(false);
                    var count = metadata.Topics.FirstOrDefault(t => t.Topic == _options.Topic && t.Error.Code == ErrorCode.NoError)?.Partitions.Count ?? 0;
                    if (count > 0)
                    {
                        _topicPartitions = count;
                        _budget.SetShare(_ownedCount, count);
                    }
                }
                catch (KafkaException ex)
                {
                    PipelineLog.KafkaError(_log, $"metadata for {_options.Topic}: {ex.Error.Reason}");
                }
                await Task.Delay(TimeSpan.FromSeconds(5), _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // a dead metadata loop would freeze the budget's share: the instance stops instead
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                Fail($"refreshing the metadata of {_options.Topic}", ex);
            }
        }
    }

    private IProducer<byte[]?, byte[]?> BuildProducer()
    {
        var config = new ProducerConfig
        {
            BootstrapServers = _options.BootstrapServers,
            ClientId = $"laglab-pipeline-{_instance}",
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
        };
        ApplyOverrides(config, producer: true);
        return new ProducerBuilder<byte[]?, byte[]?>(config)
            .SetErrorHandler((_, e) => PipelineLog.KafkaError(_log, $"producer: {e.Reason}"))
            .SetLogHandler((_, m) => { })
            .Build();
    }

    private IConsumer<byte[]?, byte[]?> BuildConsumer()
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = _options.BootstrapServers,
            GroupId = _options.Group,
            GroupInstanceId = _options.InstanceId,
            ClientId = $"laglab-pipeline-{_instance}",
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            // Notice a partition increase within seconds (librdkafka's default is 5 minutes).
            TopicMetadataRefreshIntervalMs = 5_000,
            PartitionAssignmentStrategy = _options.Assignor switch
            {
                Assignor.Range => PartitionAssignmentStrategy.Range,
                Assignor.RoundRobin => PartitionAssignmentStrategy.RoundRobin,
                _ => PartitionAssignmentStrategy.CooperativeSticky,
            },
        };
        ApplyOverrides(config, producer: false);
        return new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetErrorHandler((_, e) => PipelineLog.KafkaError(_log, $"consumer: {e.Reason}"))
            .SetLogHandler((_, m) => { })
            .SetPartitionsAssignedHandler((_, partitions) => OnAssigned(partitions))
            .SetPartitionsRevokedHandler((_, partitions) => OnRevoked(partitions, lost: false))
            .SetPartitionsLostHandler((_, partitions) => OnRevoked(partitions, lost: true))
            .Build();
    }

    private void ApplyOverrides(ClientConfig config, bool producer)
    {
        foreach (var (key, value) in _options.KafkaSettings)
        {
            // Group settings mean nothing to the producer (librdkafka would warn on every start).
            if (producer && (key.StartsWith("group.", StringComparison.Ordinal) || key.StartsWith("session.", StringComparison.Ordinal)
                || key.StartsWith("max.poll", StringComparison.Ordinal) || key.StartsWith("heartbeat.", StringComparison.Ordinal)
                || key.StartsWith("auto.offset", StringComparison.Ordinal) || key.StartsWith("partition.assignment", StringComparison.Ordinal)))
            {
                continue;
            }
            config.Set(key, value);
        }
    }

    private void WriteLine(string line)
    {
        lock (_output)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}
