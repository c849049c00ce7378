using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace LagLab.Bench.Monitor;

/// <summary>
/// The baseline: how simple exporters collect (kafka_exporter's shape): one group after another, each
/// group's committed offsets, then that group's end offsets, no batching across groups and no concurrency.
/// </summary>
internal sealed class NaiveCollector(string bootstrap) : IDisposable
{
    private readonly IAdminClient _admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();

    public async Task<long> CollectAsync()
    {
        var groups = await _admin.ListConsumerGroupsAsync();
        long totalLag = 0;
        foreach (var group in groups.Valid)
        {
            await _admin.DescribeConsumerGroupsAsync([group.GroupId]);
            var committed = (await _admin.ListConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitions(group.GroupId, null)]))
                .SelectMany(r => r.Partitions).Where(p => p.Offset.Value >= 0).ToList();
            var ends = await _admin.ListOffsetsAsync(committed.Select(p => new TopicPartitionOffsetSpec { TopicPartition = p.TopicPartition, OffsetSpec = OffsetSpec.Latest() }));
            var end = ends.ResultInfos.ToDictionary(i => i.TopicPartitionOffsetError.TopicPartition, i => i.TopicPartitionOffsetError.Offset.Value);
            totalLag += committed.Sum(p => end[p.TopicPartition] - p.Offset.Value);
        }
        return totalLag;
    }

    public void Dispose() => _admin.Dispose();
}
