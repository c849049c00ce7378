using System.Text.RegularExpressions;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LagLab.Monitor.Model;
using KafkaTopicPartition = Confluent.Kafka.TopicPartition;
using TopicPartition = LagLab.Monitor.Model.TopicPartition;

namespace LagLab.Monitor.Collection;

/// <summary>
/// Reads a cluster through librdkafka's admin API, in this order: topic metadata; ListConsumerGroups;
/// DescribeConsumerGroups in batches; ListConsumerGroupOffsets (one group per call, a librdkafka limit)
/// with bounded concurrency; then ListOffsets latest and earliest for every partition in one batched
/// call each (the client splits it per leader). Committed offsets are read before end offsets, so lag
/// is never negative on a partition that only grows.
/// Known hazard (librdkafka 2.16.0, reproduced against the embedded broker by stopping it while requests
/// are in flight): ListConsumerGroups can double-free its result, and DescribeConsumerGroups and
/// ListConsumerGroupOffsets can abort on an assertion in the coordinator path; ListOffsets, DescribeConfigs
/// and metadata survived the same treatment. A broker that drops mid-request can therefore kill the process.
/// </summary>
internal sealed class KafkaClusterReader : IClusterReader
{
    private const int DescribeBatch = 100;
    private const int ListOffsetsBatch = 20_000;
    private static readonly TimeSpan RetentionRefresh = TimeSpan.FromMinutes(5);

    private readonly MonitorOptions _options;
    private readonly TimeProvider _time;
    private IAdminClient _admin;
    private bool _lastReadFailed;
    private readonly Regex? _groups;
    private readonly Regex? _excludeGroups;
    private readonly Regex? _topics;
    private Dictionary<string, TimeSpan> _retention = [];
    private HashSet<string> _described = new(StringComparer.Ordinal);
    private DateTimeOffset _retentionReadAt = DateTimeOffset.MinValue;

    public KafkaClusterReader(MonitorOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _admin = BuildAdmin();
        _groups = Compile(options.Groups);
        _excludeGroups = Compile(options.ExcludeGroups);
        _topics = Compile(options.Topics);
    }

    /// <summary>Each request gives up before the cycle does, so an unreachable cluster is a failure, not a timeout.</summary>
    private TimeSpan RequestTimeout => _options.EffectiveCycleTimeout * 0.8;

    /// <summary>How many times the admin client was rebuilt after a failed read.</summary>
    public int Rebuilds { get; private set; }

    public async Task<ClusterSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        if (_lastReadFailed)
        {
            // After an outage librdkafka can keep a stale group coordinator and time out on every
            // coordinator request; a fresh client recovers at once. The loop never overlaps reads
            // and the last read left no request in flight, so nothing is using the old client.
            _admin.Dispose();
            _admin = BuildAdmin();
            Rebuilds++;
        }
        _lastReadFailed = true;
        var snapshot = await ReadOnceAsync(cancellationToken);
        _lastReadFailed = false;
        return snapshot;
    }

    private IAdminClient BuildAdmin() => new AdminClientBuilder(KafkaSettings.Admin(_options)).SetLogHandler((_, _) => { }).Build();

    private async Task<ClusterSnapshot> ReadOnceAsync(CancellationToken cancellationToken)
    {
        // Requests are never abandoned (see ToEndAsync): when this returns, the client is idle.
        var topics = await ReadTopicsAsync(cancellationToken);
        var groupIds = await ListGroupsAsync(cancellationToken);
        var descriptions = await DescribeGroupsAsync(groupIds, cancellationToken);
        var committed = await ReadCommittedAsync(groupIds, cancellationToken);
        var offsets = await ReadEndOffsetsAsync(topics, cancellationToken);
        var time = _time.GetUtcNow();
        await RefreshRetentionAsync(topics.Keys, time, cancellationToken);

        var groups = new Dictionary<string, GroupSnapshot>(groupIds.Count, StringComparer.Ordinal);
        foreach (var groupId in groupIds)
        {
            var description = descriptions.GetValueOrDefault(groupId);
            var members = description?.Members.Select(ToMember).ToList() ?? [];
            var groupCommits = committed.GetValueOrDefault(groupId) ?? [];
            var positions = new Dictionary<TopicPartition, long?>(groupCommits.Count);
            var consumedTopics = groupCommits.Keys.Select(p => p.Topic)
                .Concat(members.SelectMany(m => m.Assignment).Select(p => p.Topic))
                .Where(topics.ContainsKey)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var topic in consumedTopics)
            {
                for (var partition = 0; partition < topics[topic]; partition++)
                {
                    var key = new TopicPartition(topic, partition);
                    positions[key] = groupCommits.TryGetValue(key, out var offset) ? offset : null;
                }
            }
            groups[groupId] = new GroupSnapshot(groupId, description?.State.ToString() ?? "Unknown", members, positions);
        }
        var retention = _retention.Where(r => topics.ContainsKey(r.Key)).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        return new ClusterSnapshot(time, groups, offsets, retention);
    }

    private async Task<Dictionary<string, int>> ReadTopicsAsync(CancellationToken cancellationToken)
    {
        // GetMetadata blocks (up to RequestTimeout); run it off the caller's thread, to its end.
        var metadata = await Task.Run(() => _admin.GetMetadata(RequestTimeout), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var topics = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var topic in metadata.Topics)
        {
            if (topic.Error.IsError || (_topics is null ? topic.Topic.StartsWith("__", StringComparison.Ordinal) : !_topics.IsMatch(topic.Topic)))
            {
                continue;
            }
            topics[topic.Topic] = topic.Partitions.Count;
        }
        return topics;
    }

    private async Task<List<string>> ListGroupsAsync(CancellationToken cancellationToken)
    {
        var listed = await ToEndAsync(_admin.ListConsumerGroupsAsync(new ListConsumerGroupsOptions { RequestTimeout = RequestTimeout }), cancellationToken);
        return listed.Valid
            .Select(g => g.GroupId)
            .Where(g => (_groups?.IsMatch(g) ?? true) && !(_excludeGroups?.IsMatch(g) ?? false))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private async Task<Dictionary<string, ConsumerGroupDescription>> DescribeGroupsAsync(List<string> groupIds, CancellationToken cancellationToken)
    {
        var batches = groupIds.Chunk(DescribeBatch).ToList();
        var results = await ForEachBoundedAsync(batches, async batch =>
        {
            try
            {
                var described = await ToEndAsync(_admin.DescribeConsumerGroupsAsync(batch, new DescribeConsumerGroupsOptions { RequestTimeout = RequestTimeout }), cancellationToken);
                return described.ConsumerGroupDescriptions;
            }
            catch (DescribeConsumerGroupsException ex)
            {
                // Partial failure: keep the groups that were described; the others have no members this cycle.
                return ex.Results.ConsumerGroupDescriptions.Where(d => !d.Error.IsError).ToList();
            }
        }, cancellationToken);
        return results.SelectMany(r => r).ToDictionary(d => d.GroupId, StringComparer.Ordinal);
    }

    private async Task<Dictionary<string, Dictionary<TopicPartition, long>>> ReadCommittedAsync(List<string> groupIds, CancellationToken cancellationToken)
    {
        var results = await ForEachBoundedAsync(groupIds, async groupId =>
        {
            var listed = await ToEndAsync(_admin.ListConsumerGroupOffsetsAsync(
                [new ConsumerGroupTopicPartitions(groupId, null)],
                new ListConsumerGroupOffsetsOptions { RequestTimeout = RequestTimeout }), cancellationToken);
            var commits = new Dictionary<TopicPartition, long>(listed.Sum(r => r.Partitions.Count));
            foreach (var partition in listed.SelectMany(r => r.Partitions))
            {
                if (!partition.Error.IsError && partition.Offset.Value >= 0)
                {
                    commits[new TopicPartition(partition.Topic, partition.Partition.Value)] = partition.Offset.Value;
                }
            }
            return (groupId, commits);
        }, cancellationToken);
        return results.ToDictionary(r => r.groupId, r => r.commits, StringComparer.Ordinal);
    }

    private async Task<Dictionary<TopicPartition, PartitionOffsets>> ReadEndOffsetsAsync(Dictionary<string, int> topics, CancellationToken cancellationToken)
    {
        var partitions = topics.SelectMany(t => Enumerable.Range(0, t.Value).Select(p => new KafkaTopicPartition(t.Key, p))).ToList();
        var isolation = KafkaSettings.ReadCommitted(_options) ? IsolationLevel.ReadCommitted : IsolationLevel.ReadUncommitted;
        var latest = await ListOffsetsAsync(partitions, OffsetSpec.Latest(), isolation, cancellationToken);
        var earliest = await ListOffsetsAsync(partitions, OffsetSpec.Earliest(), isolation, cancellationToken);
        var offsets = new Dictionary<TopicPartition, PartitionOffsets>(latest.Count);
        foreach (var (partition, end) in latest)
        {
            if (earliest.TryGetValue(partition, out var start))
            {
                offsets[partition] = new PartitionOffsets(Math.Min(start, end), end);
            }
        }
        return offsets;
    }

    private async Task<Dictionary<TopicPartition, long>> ListOffsetsAsync(List<KafkaTopicPartition> partitions, OffsetSpec spec, IsolationLevel isolation, CancellationToken cancellationToken)
    {
        var batches = partitions.Chunk(ListOffsetsBatch).ToList();
        var results = await ForEachBoundedAsync(batches, async batch =>
        {
            var request = batch.Select(p => new TopicPartitionOffsetSpec { TopicPartition = p, OffsetSpec = spec });
            var options = new ListOffsetsOptions { IsolationLevel = isolation, RequestTimeout = RequestTimeout };
            IEnumerable<ListOffsetsResultInfo> infos;
            try
            {
                infos = (await ToEndAsync(_admin.ListOffsetsAsync(request, options), cancellationToken)).ResultInfos;
            }
            catch (ListOffsetsException ex)
            {
                // Partitions without a leader answer with an error: leave them out of this cycle.
                infos = ex.Result.ResultInfos;
            }
            return infos.Where(i => !i.TopicPartitionOffsetError.Error.IsError)
                .Select(i => (new TopicPartition(i.TopicPartitionOffsetError.Topic, i.TopicPartitionOffsetError.Partition.Value), i.TopicPartitionOffsetError.Offset.Value))
                .ToList();
        }, cancellationToken);
        return results.SelectMany(r => r).ToDictionary(r => r.Item1, r => r.Item2);
    }

    private async Task RefreshRetentionAsync(IEnumerable<string> topics, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var names = topics.ToList();
        var unknown = names.Any(t => !_described.Contains(t));
        if (names.Count == 0 || (now - _retentionReadAt < RetentionRefresh && !unknown))
        {
            return;
        }
        _retentionReadAt = now;
        _described = names.ToHashSet(StringComparer.Ordinal); // asked once per refresh, answered or not
        try
        {
            var resources = names.Select(t => new ConfigResource { Type = ResourceType.Topic, Name = t });
            var described = await ToEndAsync(_admin.DescribeConfigsAsync(resources, new DescribeConfigsOptions { RequestTimeout = RequestTimeout }), cancellationToken);
            var retention = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
            foreach (var result in described)
            {
                if (result.Entries.TryGetValue("retention.ms", out var entry) && long.TryParse(entry.Value, out var ms) && ms > 0)
                {
                    retention[result.ConfigResource.Name] = TimeSpan.FromMilliseconds(ms);
                }
            }
            _retention = retention;
        }
        catch (KafkaException)
        {
            // Retention is an extra: without DescribeConfigs (or its ACL), margins are simply not reported.
        }
    }

    /// <summary>
    /// Awaits an admin request to its end, then honours cancellation. librdkafka cannot cancel a request, and
    /// abandoning one (WaitAsync) leaves it in flight: destroying the client then (the rebuild after a failed
    /// read, or the monitor's dispose) crashed the process, an assertion in rd_kafka_admin_coord_response_parse
    /// or a call into the destroyed handle. Each request ends by RequestTimeout, below the cycle timeout.
    /// </summary>
    private static async Task<T> ToEndAsync<T>(Task<T> request, CancellationToken cancellationToken)
    {
        var result = await request;
        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }

    private async Task<List<TResult>> ForEachBoundedAsync<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, Task<TResult>> action, CancellationToken cancellationToken)
    {
        var results = new TResult[items.Count];
        await Parallel.ForAsync(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
            async (i, _) => results[i] = await action(items[i]));
        return [.. results];
    }

    private static GroupMember ToMember(MemberDescription member) => new(
        member.ConsumerId,
        member.ClientId,
        member.Host,
        member.Assignment?.TopicPartitions.Select(p => new TopicPartition(p.Topic, p.Partition.Value)).ToList() ?? []);

    private static Regex? Compile(string? pattern) => pattern is null ? null : new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public void Dispose() => _admin.Dispose();
}
