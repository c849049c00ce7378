using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace LagLab.Bench.Monitor;

/// <summary>Creates the benchmark state through the Kafka protocol: topics, one record per partition step, committed offsets per group.</summary>
internal static class ClusterSetup
{
    public static async Task CreateAsync(string bootstrap, int groups, int topics, int partitionsPerTopic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        var names = Enumerable.Range(0, topics).Select(t => $"bench-{t:D3}").ToList();
        await admin.CreateTopicsAsync(names.Select(n => new TopicSpecification { Name = n, NumPartitions = partitionsPerTopic, ReplicationFactor = 1 }));
        using (var producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, LingerMs = 20 }).Build())
        {
            foreach (var name in names)
            {
                for (var p = 0; p < partitionsPerTopic; p++)
                {
                    for (var i = 0; i < 3; i++)
                    {
                        producer.Produce(new TopicPartition(name, p), new Message<Null, byte[]> { Value = new byte[16] });
                    }
                }
            }
            producer.Flush(TimeSpan.FromMinutes(1));
        }
        for (var g = 0; g < groups; g++)
        {
            var offsets = names.SelectMany(n => Enumerable.Range(0, partitionsPerTopic).Select(p => new TopicPartitionOffset(n, p, (g + p) % 4)));
            await admin.AlterConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitionOffsets($"bench-group-{g:D3}", offsets.ToList())]);
        }
    }
}
