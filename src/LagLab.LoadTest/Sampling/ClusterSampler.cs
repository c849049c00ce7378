using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace LagLab.LoadTest.Sampling;

/// <summary>
/// Reads the group's committed offsets, the partitions' end offsets and the group's state with Confluent.Kafka's
/// AdminClient, against any Kafka. Committed offsets are read before end offsets, so lag is never under-read.
/// </summary>
internal sealed class ClusterSampler : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);
    private readonly IAdminClient _admin;
    private readonly string _topic;
    private readonly string _group;

    public ClusterSampler(string bootstrapServers, IReadOnlyDictionary<string, string> settings, string topic, string group)
    {
        var config = new AdminClientConfig(settings.ToDictionary(kv => kv.Key, kv => kv.Value))
        {
            BootstrapServers = bootstrapServers,
            ClientId = "laglab-loadtest-sampler",
        };
        _admin = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).Build();
        _topic = topic;
        _group = group;
    }

    public IAdminClient Admin => _admin;

    public async Task<int> PartitionCountAsync(CancellationToken cancellationToken)
    {
        var metadata = await Task.Run(() => _admin.GetMetadata(_topic, RequestTimeout), cancellationToken);
        var topic = metadata.Topics.FirstOrDefault(t => t.Topic == _topic);
        if (topic is null || topic.Error.IsError)
        {
            throw new KafkaException(topic?.Error ?? new Error(ErrorCode.UnknownTopicOrPart, $"no metadata for topic {_topic}"));
        }
        return topic.Partitions.Count;
    }

    public async Task<GroupSnapshot> SampleAsync(CancellationToken cancellationToken)
    {
        var partitions = await PartitionCountAsync(cancellationToken);
        var topicPartitions = Enumerable.Range(0, partitions).Select(p => new TopicPartition(_topic, p)).ToList();

        var committed = Enumerable.Repeat(-1L, partitions).ToArray();
        var offsets = await _admin.ListConsumerGroupOffsetsAsync(
            [new ConsumerGroupTopicPartitions(_group, topicPartitions)],
            new ListConsumerGroupOffsetsOptions { RequestTimeout = RequestTimeout });
        foreach (var result in offsets)
        {
            foreach (var partition in result.Partitions)
            {
                if (partition.Partition.Value < partitions && !partition.Error.IsError && partition.Offset.Value >= 0)
                {
                    committed[partition.Partition.Value] = partition.Offset.Value;
                }
            }
        }

        var end = await EndOffsetsAsync(topicPartitions);
        cancellationToken.ThrowIfCancellationRequested();

        var described = await _admin.DescribeConsumerGroupsAsync([_group], new DescribeConsumerGroupsOptions { RequestTimeout = RequestTimeout });
        var group = described.ConsumerGroupDescriptions.FirstOrDefault();
        var state = group is null || group.Error.IsError ? "Unknown" : group.State.ToString();
        return new GroupSnapshot(committed, end, state, group?.Members.Count ?? 0);
    }

    public async Task<long[]> EndOffsetsAsync(IReadOnlyList<TopicPartition> topicPartitions)
    {
        var end = new long[topicPartitions.Count];
        var listed = await _admin.ListOffsetsAsync(
            topicPartitions.Select(tp => new TopicPartitionOffsetSpec { TopicPartition = tp, OffsetSpec = OffsetSpec.Latest() }),
            new ListOffsetsOptions { RequestTimeout = RequestTimeout });
        foreach (var info in listed.ResultInfos)
        {
            var tpo = info.TopicPartitionOffsetError;
            if (tpo.Partition.Value < end.Length)
            {
                end[tpo.Partition.Value] = tpo.Error.IsError ? -1 : tpo.Offset.Value;
            }
        }
        return end;
    }

    public void Dispose() => _admin.Dispose();
}
