using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using LagLab.Broker.Logging;
using LagLab.Broker.Producers;
using LagLab.Broker.Storage;
using LagLab.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace LagLab.Broker.Topics;

/// <summary>
/// Owns every topic and partition: create (user or internal), delete, add partitions, auto-create,
/// lookups for the handlers, retention and periodic flush. Topic metadata lives in <c>topics.json</c> in
/// the data directory so a restart restores topics, partitions, ids and configs. Lookups are lock-free;
/// admin operations take one lock.
/// </summary>
internal sealed partial class TopicManager : IDisposable
{
    /// <summary>Upper bound per topic, so one request cannot open a million files.</summary>
    public const int MaxPartitions = 10_000;

    private const string LockFileName = ".lock";
    private static readonly string[] DataExtensions = [SegmentFiles.LogExtension, SegmentFiles.OffsetIndexExtension, SegmentFiles.TimeIndexExtension, SegmentFiles.SnapshotExtension, ".tmp"];

    private readonly BrokerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TopicStore _store;
    private readonly ConcurrentDictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private readonly Lock _adminLock = new();
    private readonly SafeFileHandle? _directoryLock;
    private bool _disposed;

    public TopicManager(BrokerOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _store = new TopicStore(options.DataDirectory);
        ProducerIds = new ProducerIdAllocator(options.DataDirectory);
        if (options.DataDirectory is { } directory)
        {
            Directory.CreateDirectory(directory);
            _directoryLock = LockDirectory(directory);
            try
            {
                Load(directory);
            }
            catch
            {
                Dispose();
                throw;
            }
        }
    }

    public ProducerIdAllocator ProducerIds { get; }

    public IReadOnlyCollection<Topic> Topics => _topics.Values.ToArray();

    public bool TryGetTopic(string name, [NotNullWhen(true)] out Topic? topic) => _topics.TryGetValue(name, out topic);

    public bool TryGetPartition(string topic, int partition, [NotNullWhen(true)] out Partition? result)
    {
        result = null;
        return _topics.TryGetValue(topic, out var found) && found.TryGetPartition(partition, out result);
    }

    /// <summary>Creates a topic (CreateTopics, auto-create, or an internal topic of the broker itself).</summary>
    /// <summary>For the group coordinator: commits are accepted only for partitions that exist.</summary>
    public bool PartitionExists(string topic, int partition) => TryGetPartition(topic, partition, out _);

    /// <summary>For OffsetForLeaderEpoch: the partition's log end offset, or null when it does not exist.</summary>
    public long? LogEndOffset(string topic, int partition) =>
        TryGetPartition(topic, partition, out var found) ? found.LogEndOffset : null;

    public TopicResult CreateTopic(string name, int partitions, short replicationFactor, IEnumerable<KeyValuePair<string, string?>> configs, bool validateOnly = false, bool isInternal = false)
    {
        if (TopicNames.Validate(name) is { } nameError)
        {
            return TopicResult.Fail(ErrorCode.InvalidTopicException, nameError);
        }
        if (partitions == -1)
        {
            partitions = _options.DefaultPartitions;
        }
        if (partitions < 1)
        {
            return TopicResult.Fail(ErrorCode.InvalidPartitions, $"Number of partitions must be larger than 0 (or -1 for the default), got {partitions}.");
        }
        if (partitions > MaxPartitions)
        {
            return TopicResult.Fail(ErrorCode.InvalidPartitions, $"Number of partitions {partitions} is above this broker's limit of {MaxPartitions}.");
        }
        if (replicationFactor is not (1 or -1))
        {
            return TopicResult.Fail(ErrorCode.InvalidReplicationFactor, replicationFactor > 1
                ? $"Replication factor: {replicationFactor} larger than available brokers: 1."
                : $"Replication factor must be 1 or -1 (the default), got {replicationFactor}.");
        }
        if (!TopicConfigs.TryCreate(_options, configs, out var config, out var configError))
        {
            return TopicResult.Fail(ErrorCode.InvalidConfig, configError!);
        }
        lock (_adminLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_topics.ContainsKey(name))
            {
                return TopicResult.Fail(ErrorCode.TopicAlreadyExists, $"Topic '{name}' already exists.");
            }
            var collisionKey = TopicNames.CollisionKey(name);
            if (_topics.Keys.FirstOrDefault(existing => TopicNames.CollisionKey(existing) == collisionKey) is { } collides)
            {
                return TopicResult.Fail(ErrorCode.InvalidTopicException, $"Topic '{name}' collides with existing topic: {collides}");
            }
            if (validateOnly)
            {
                return TopicResult.Ok(null);
            }
            var created = OpenPartitions(name, config, 0, partitions);
            var topic = new Topic(name, Guid.NewGuid(), isInternal, config, created);
            _topics[name] = topic;
            _store.Save(_topics.Values);
            BrokerLog.TopicCreated(_logger, name, partitions, isInternal);
            return TopicResult.Ok(topic);
        }
    }

    /// <summary>For the broker's own topics (e.g. <c>__consumer_offsets</c>): returns the topic, creating it flagged internal.</summary>
    public Topic GetOrCreateInternalTopic(string name, int partitions, IEnumerable<KeyValuePair<string, string?>>? configs = null)
    {
        if (_topics.TryGetValue(name, out var existing))
        {
            return existing;
        }
        var result = CreateTopic(name, partitions, 1, configs ?? [], isInternal: true);
        if (result.Error == ErrorCode.TopicAlreadyExists && _topics.TryGetValue(name, out existing))
        {
            return existing;
        }
        return result.Topic ?? throw new InvalidOperationException($"Cannot create internal topic {name}: {result.Error} {result.Message}");
    }

    /// <summary>Metadata and Produce for an unknown topic: create it with the defaults when auto-creation is on.</summary>
    public TopicResult GetOrAutoCreate(string name)
    {
        if (_topics.TryGetValue(name, out var existing))
        {
            return TopicResult.Ok(existing);
        }
        if (!_options.AutoCreateTopics)
        {
            return TopicResult.Fail(ErrorCode.UnknownTopicOrPartition, $"Topic '{name}' does not exist and auto-creation is off.");
        }
        var result = CreateTopic(name, -1, -1, []);
        return result.Error == ErrorCode.TopicAlreadyExists && _topics.TryGetValue(name, out existing) ? TopicResult.Ok(existing) : result;
    }

    public TopicResult DeleteTopic(string name)
    {
        Topic? topic;
        lock (_adminLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_topics.TryGetValue(name, out topic))
            {
                return TopicResult.Fail(ErrorCode.UnknownTopicOrPartition, $"Topic '{name}' does not exist.");
            }
            if (topic.IsInternal)
            {
                return TopicResult.Fail(ErrorCode.InvalidTopicException, $"Topic '{name}' is internal to the broker and cannot be deleted.");
            }
            _topics.TryRemove(name, out _);
            // Metadata first: a crash now leaves directories that the next start removes as orphans.
            _store.Save(_topics.Values);
            foreach (var partition in topic.Partitions)
            {
                partition.Delete();
            }
        }
        BrokerLog.TopicDeleted(_logger, name);
        return TopicResult.Ok(topic);
    }

    /// <summary>CreatePartitions: increase only; existing partitions and their data are untouched.</summary>
    public TopicResult CreatePartitions(string name, int count, bool validateOnly = false)
    {
        lock (_adminLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_topics.TryGetValue(name, out var topic))
            {
                return TopicResult.Fail(ErrorCode.UnknownTopicOrPartition, $"Topic '{name}' does not exist.");
            }
            if (topic.IsInternal)
            {
                // The broker maps keys (e.g. group ids) onto a fixed partition count of its own topics.
                return TopicResult.Fail(ErrorCode.InvalidPartitions, $"Topic '{name}' is internal to the broker; its partition count is fixed.");
            }
            var current = topic.Partitions.Count;
            if (count < current)
            {
                return TopicResult.Fail(ErrorCode.InvalidPartitions, $"Topic currently has {current} partitions, which is higher than the requested {count}.");
            }
            if (count == current)
            {
                return TopicResult.Fail(ErrorCode.InvalidPartitions, $"Topic already has {current} partitions.");
            }
            if (count > MaxPartitions)
            {
                return TopicResult.Fail(ErrorCode.InvalidPartitions, $"Number of partitions {count} is above this broker's limit of {MaxPartitions}.");
            }
            if (validateOnly)
            {
                return TopicResult.Ok(topic);
            }
            var added = OpenPartitions(name, topic.Config, current, count);
            topic.SetPartitions([.. topic.Partitions, .. added]);
            _store.Save(_topics.Values);
            BrokerLog.PartitionsAdded(_logger, name, current, count);
            return TopicResult.Ok(topic);
        }
    }

    /// <summary>One retention pass over every partition; returns the number of segments deleted.</summary>
    public int ApplyRetention()
    {
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var total = 0;
        foreach (var topic in _topics.Values)
        {
            foreach (var partition in topic.Partitions)
            {
                var deleted = partition.ApplyRetention(now);
                if (deleted > 0)
                {
                    BrokerLog.RetentionDeleted(_logger, deleted, topic.Name, partition.Index, partition.LogStartOffset);
                    total += deleted;
                }
            }
        }
        return total;
    }

    /// <summary>fsync every partition with unflushed appends.</summary>
    public void FlushAll()
    {
        foreach (var topic in _topics.Values)
        {
            foreach (var partition in topic.Partitions)
            {
                partition.Flush();
            }
        }
    }

    public void Dispose()
    {
        lock (_adminLock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            foreach (var topic in _topics.Values)
            {
                foreach (var partition in topic.Partitions)
                {
                    partition.Dispose();
                }
            }
            _directoryLock?.Dispose();
        }
    }

    private List<Partition> OpenPartitions(string topic, TopicConfig config, int from, int to)
    {
        var opened = new List<Partition>(to - from);
        try
        {
            for (var index = from; index < to; index++)
            {
                opened.Add(OpenPartition(topic, index, config));
            }
            return opened;
        }
        catch
        {
            opened.ForEach(p => p.Dispose());
            throw;
        }
    }

    private Partition OpenPartition(string topic, int index, TopicConfig config)
    {
        var logConfig = config.ToLogConfig(_options.FlushIntervalMessages);
        if (_options.DataDirectory is null)
        {
            return new Partition(topic, index, new MemoryLog(logConfig, _timeProvider), config, null, _timeProvider);
        }
        var directory = PartitionDirectory(_options.DataDirectory, topic, index);
        var log = FileLog.Open(directory, logConfig, _timeProvider);
        if (log.RecoveredTruncatedBytes > 0)
        {
            BrokerLog.LogRecovered(_logger, topic, index, log.RecoveredTruncatedBytes, log.RecoveredAtOffset);
        }
        var partition = new Partition(topic, index, log, config, new ProducerSnapshotStore(directory), _timeProvider);
        ProducerIds.EnsureAbove(partition.MaxProducerId);
        return partition;
    }

    internal static string PartitionDirectory(string dataDirectory, string topic, int index) =>
        Path.Combine(dataDirectory, $"{topic}-{index}");

    private void Load(string directory)
    {
        var started = _timeProvider.GetTimestamp();
        foreach (var stored in _store.Load())
        {
            if (!TopicConfigs.TryCreate(_options, stored.Configs.Select(c => new KeyValuePair<string, string?>(c.Key, c.Value)), out var config, out var error))
            {
                throw new InvalidDataException($"Topic {stored.Name} in {Path.Combine(directory, TopicStore.FileName)} has an invalid config: {error}");
            }
            _topics[stored.Name] = new Topic(stored.Name, stored.Id, stored.Internal, config, OpenPartitions(stored.Name, config, 0, stored.Partitions));
        }
        RemoveOrphans(directory);
        BrokerLog.LogsLoaded(_logger, _topics.Count, _topics.Values.Sum(t => t.Partitions.Count), directory, (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Partition directories no topic owns (an interrupted delete) are removed, when they hold only log files.</summary>
    private void RemoveOrphans(string directory)
    {
        foreach (var candidate in Directory.EnumerateDirectories(directory))
        {
            var match = PartitionDirectoryName().Match(Path.GetFileName(candidate));
            if (!match.Success)
            {
                continue;
            }
            var owned = _topics.TryGetValue(match.Groups[1].Value, out var topic)
                && int.TryParse(match.Groups[2].ValueSpan, out var index) && index < topic.Partitions.Count;
            if (owned || !Directory.EnumerateFiles(candidate).All(f => DataExtensions.Any(e => f.EndsWith(e, StringComparison.Ordinal))))
            {
                continue;
            }
            Directory.Delete(candidate, recursive: true);
            BrokerLog.OrphanRemoved(_logger, candidate);
        }
    }

    private static SafeFileHandle LockDirectory(string directory)
    {
        var path = Path.Combine(directory, LockFileName);
        try
        {
            return File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new IOException($"The data directory {directory} is in use by another broker ({path} is locked).", ex);
        }
    }

    [GeneratedRegex(@"^(.+)-(\d+)$")]
    private static partial Regex PartitionDirectoryName();
}
