using System.Collections.Concurrent;
using Confluent.Kafka;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Integration;

/// <summary>
/// The broker as a real OS process with a data directory, killed with SIGKILL while an acks=all producer
/// writes: after a restart on the same directory every acknowledged record is there, in order.
/// </summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task Sigkill_DuringAcksAllProduce_EveryAcknowledgedRecordSurvivesInOrder()
    {
        using var dataDir = new TemporaryDirectory();
        var port = FreePort.Next();
        string[] arguments = ["broker", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", dataDir.Path];
        var bootstrap = $"127.0.0.1:{port}";
        var topic = KafkaClients.UniqueTopic("crash");
        var acknowledged = new ConcurrentBag<(int Partition, long Offset, int Value)>();

        await using (var broker = LaglabProcess.Start(arguments))
        {
            await broker.WaitForLineAsync("ready", TimeSpan.FromSeconds(60));
            await KafkaClients.CreateTopicAsync(bootstrap, topic, 2);
            using var producer = KafkaClients.Producer(bootstrap, c =>
            {
                c.Acks = Acks.All;
                c.EnableIdempotence = true;
                c.LingerMs = 2;
                c.MessageTimeoutMs = 5_000;
            });
            var value = 0;
            var killAt = DateTime.UtcNow.AddSeconds(2);
            while (DateTime.UtcNow < killAt)
            {
                var v = value++;
                producer.Produce(topic, new Message<byte[]?, byte[]?> { Key = BitConverter.GetBytes(v % 7), Value = BitConverter.GetBytes(v) }, report =>
                {
                    if (report.Error.Code == ErrorCode.NoError)
                    {
                        acknowledged.Add((report.Partition.Value, report.Offset.Value, BitConverter.ToInt32(report.Message.Value)));
                    }
                });
                if (v % 100 == 0)
                {
                    await Task.Delay(1, TestContext.Current.CancellationToken);
                }
            }
            await broker.KillAsync();
            producer.Flush(TimeSpan.FromSeconds(6));
        }
        Assert.True(acknowledged.Count > 100, $"Only {acknowledged.Count} records were acknowledged before the kill.");

        await using (var restarted = LaglabProcess.Start(arguments))
        {
            await restarted.WaitForLineAsync("ready", TimeSpan.FromSeconds(60));
            var stored = KafkaClients.ConsumeToEnd(bootstrap, topic, 2, TimeSpan.FromSeconds(30));

            var storedByPosition = stored.ToDictionary(r => (r.Partition.Value, r.Offset.Value), r => BitConverter.ToInt32(r.Message.Value));
            foreach (var (partition, offset, v) in acknowledged)
            {
                Assert.True(storedByPosition.TryGetValue((partition, offset), out var storedValue), $"Acknowledged record {partition}@{offset} is missing after the crash.");
                Assert.Equal(v, storedValue);
            }
            foreach (var partition in stored.GroupBy(r => r.Partition.Value))
            {
                var offsets = partition.Select(r => r.Offset.Value).ToList();
                Assert.Equal(Enumerable.Range(0, offsets.Count).Select(i => (long)i), offsets);
                var values = partition.Select(r => BitConverter.ToInt32(r.Message.Value)).ToList();
                Assert.Equal(values.Order(), values);
            }

            using var producer = KafkaClients.Producer(bootstrap, c => c.EnableIdempotence = true);
            var after = await producer.ProduceAsync(topic, new Message<byte[]?, byte[]?> { Value = [42] }, TestContext.Current.CancellationToken);
            Assert.Equal(PersistenceStatus.Persisted, after.Status);
            Assert.True(after.Offset.Value >= stored.Count(r => r.Partition == after.Partition));
        }
    }
}
