using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
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
internal sealed class TopicManager : IDisposable
{
    /// <summary>Upper bound per topic, so one request cannot open a million files.</summary>
    public const int MaxPartitions = 10_000;

    private const string LockFileName = ".lock";
    private static readonly string[] DataExtensions = [SegmentFiles.LogExtension, SegmentFiles.OffsetIndexExtension, SegmentFiles.TimeIndexExtension, SegmentFiles.SnapshotExtension, ".tmp"];

    private readonly BrokerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly BrokerMetrics? _metrics;
    private readonly FileHandleCache _fileHandles;
    private readonly TopicStore _store;
    private readonly ConcurrentDictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private readonly Lock _adminLock = new();
    private readonly SafeFileHandle? _directoryLock;
    private bool _disposed;
    private bool _rebuilt;

    public TopicManager(BrokerOptions options, TimeProvider timeProvider, ILogger logger, BrokerMetrics? metrics = null)
    {
        _metrics = metrics;
        _fileHandles = new FileHandleCache(options.MaxOpenSegmentFiles);
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
            if (!isInternal && PartitionLimitError(partitions) is { } limitError)
            {
                return TopicResult.Fail(ErrorCode.PolicyViolation, limitError);
            }
            if (validateOnly)
            {
                return TopicResult.Ok(null);
            }
            List<Partition> created;
            try
            {
                created = OpenPartitions(name, config, 0, partitions, isNew: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                BrokerLog.CreateFailed(_logger, ex, name, partitions);
                return TopicResult.Fail(ErrorCode.UnknownServerError, $"Topic '{name}' was not created (nothing of it is left): storage failed: {ex.Message}");
            }
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
            if (PartitionLimitError(count - current) is { } limitError)
            {
                return TopicResult.Fail(ErrorCode.PolicyViolation, limitError);
            }
            if (validateOnly)
            {
                return TopicResult.Ok(topic);
            }
            List<Partition> added;
            try
            {
                added = OpenPartitions(name, topic.Config, current, count, isNew: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                BrokerLog.CreateFailed(_logger, ex, name, count);
                return TopicResult.Fail(ErrorCode.UnknownServerError, $"Partitions of '{name}' were not added (it keeps {current}): storage failed: {ex.Message}");
            }
            topic.SetPartitions([.. topic.Partitions, .. added]);
            _store.Save(_topics.Values);
            BrokerLog.PartitionsAdded(_logger, name, current, count);
            return TopicResult.Ok(topic);
        }
    }

    /// <summary>Under the admin lock: null when <paramref name="adding"/> more partitions stay within the broker's total.</summary>
    private string? PartitionLimitError(int adding)
    {
        var existing = _topics.Values.Where(t => !t.IsInternal).Sum(t => t.Partitions.Count);
        return existing + adding > _options.MaxBrokerPartitions
            ? $"This broker holds {existing} partitions of user topics; {adding} more would pass its limit of {_options.MaxBrokerPartitions} (--max-broker-partitions)."
            : null;
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

    /// <summary>
    /// Opens partitions <paramref name="from"/> to <paramref name="to"/>-1. New ones (a create) are all or
    /// nothing: when one fails, those already made are closed and their folders removed (they are empty).
    /// </summary>
    private List<Partition> OpenPartitions(string topic, TopicConfig config, int from, int to, bool isNew)
    {
        var opened = new List<Partition>(to - from);
        try
        {
            for (var index = from; index < to; index++)
            {
                opened.Add(OpenPartition(topic, index, config, isNew));
            }
            return opened;
        }
        catch
        {
            foreach (var partition in opened)
            {
                if (isNew)
                {
                    partition.Delete();
                }
                else
                {
                    partition.Dispose();
                }
            }
            throw;
        }
    }

    private Partition OpenPartition(string topic, int index, TopicConfig config, bool isNew)
    {
        var logConfig = config.ToLogConfig(_options.FlushIntervalMessages);
        if (_options.DataDirectory is null)
        {
            return new Partition(topic, index, new MemoryLog(logConfig, _timeProvider), config, null, _timeProvider);
        }
        var directory = PartitionDirectory(_options.DataDirectory, topic, index);
        if (isNew && Directory.Exists(directory))
        {
            // Left by a topic of the same name whose metadata is gone: keep it, but never serve it as the new topic's data.
            BrokerLog.StaleDirectorySetAside(_logger, directory, PartitionDirectories.SetAside(directory));
        }
        var log = FileLog.Open(directory, logConfig, _timeProvider, _fileHandles);
        log.CorruptionFound += corrupt =>
        {
            BrokerLog.CorruptBatch(_logger, topic, index, corrupt.SegmentPath, corrupt.Position, corrupt.Reason);
            _metrics?.CorruptBatchFound(topic, index);
        };
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
        foreach (var stored in LoadOrRebuild(directory))
        {
            if (!TopicConfigs.TryCreate(_options, stored.Configs.Select(c => new KeyValuePair<string, string?>(c.Key, c.Value)), out var config, out var error))
            {
                throw new InvalidDataException($"Topic {stored.Name} in {Path.Combine(directory, TopicStore.FileName)} has an invalid config: {error}");
            }
            _topics[stored.Name] = new Topic(stored.Name, stored.Id, stored.Internal, config, OpenPartitions(stored.Name, config, 0, stored.Partitions, isNew: false));
        }
        if (_rebuilt)
        {
            _store.Save(_topics.Values);
        }
        CleanUpUnowned(directory);
        BrokerLog.LogsLoaded(_logger, _topics.Count, _topics.Values.Sum(t => t.Partitions.Count), directory, (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// The topics of <c>topics.json</c>. Missing or unreadable while partition folders hold records, the
    /// broker refuses to start (those records would otherwise look like leftovers), unless told to rebuild
    /// the metadata from the folders.
    /// </summary>
    private IReadOnlyList<StoredTopic> LoadOrRebuild(string directory)
    {
        var path = Path.Combine(directory, TopicStore.FileName);
        string problem;
        if (File.Exists(path))
        {
            try
            {
                return _store.Load();
            }
            catch (InvalidDataException ex)
            {
                problem = ex.Message;
            }
        }
        else
        {
            var withRecords = PartitionDirectories.Find(directory).Where(d => PartitionDirectories.HoldsRecords(d.Path)).Select(d => Path.GetFileName(d.Path)).Order(StringComparer.Ordinal).ToList();
            if (withRecords.Count == 0)
            {
                return [];
            }
            problem = $"{path} is missing but {withRecords.Count} partition folders hold records ({string.Join(", ", withRecords.Take(3))}{(withRecords.Count > 3 ? ", ..." : "")})";
        }
        if (!_options.RebuildTopicMetadata)
        {
            throw new BrokerStartException($"{problem}. Refusing to start rather than lose them: restore {TopicStore.FileName} from a backup, or start once with --rebuild-topic-metadata to rebuild it from the partition folders (topic ids are new, topic configs fall back to the broker defaults).");
        }
        var rebuilt = PartitionDirectories.Find(directory)
            .GroupBy(d => d.Topic, StringComparer.Ordinal)
            .Where(g => TopicNames.Validate(g.Key) is null)
            .Select(g => new StoredTopic(g.Key, Guid.NewGuid(), g.Max(d => d.Index) + 1, g.Key.StartsWith("__", StringComparison.Ordinal), []))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        if (File.Exists(path))
        {
            File.Move(path, path + ".unreadable", overwrite: true);
        }
        _rebuilt = true;
        BrokerLog.TopicMetadataRebuilt(_logger, path, rebuilt.Count, rebuilt.Sum(t => t.Partitions));
        return rebuilt;
    }

    /// <summary>
    /// Folders a topic delete marked are removed; partition folders no topic owns are removed only when
    /// they hold no record and nothing but segment files, otherwise kept and reported.
    /// </summary>
    private void CleanUpUnowned(string directory)
    {
        foreach (var marked in PartitionDirectories.MarkedForDeletion(directory))
        {
            Directory.Delete(marked, recursive: true);
            BrokerLog.OrphanRemoved(_logger, marked);
        }
        foreach (var (path, topicName, index) in PartitionDirectories.Find(directory))
        {
            if (_topics.TryGetValue(topicName, out var topic) && index < topic.Partitions.Count)
            {
                continue;
            }
            var onlySegmentFiles = Directory.EnumerateFiles(path).All(f => DataExtensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)));
            if (onlySegmentFiles && !PartitionDirectories.HoldsRecords(path))
            {
                Directory.Delete(path, recursive: true);
                BrokerLog.OrphanRemoved(_logger, path);
            }
            else
            {
                BrokerLog.OrphanKept(_logger, path, Path.Combine(directory, TopicStore.FileName));
            }
        }
    }

    internal static SafeFileHandle LockDirectory(string directory)
    {
        var path = Path.Combine(directory, LockFileName);
        try
        {
            return File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new BrokerStartException($"data directory {directory} is in use by another broker ({path} is locked); stop that broker or use another --data-dir.", ex);
        }
    }

}
