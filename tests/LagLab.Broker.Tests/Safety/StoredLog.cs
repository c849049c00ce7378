using System.Buffers.Binary;
using Confluent.Kafka;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Safety;

/// <summary>
/// A data directory filled through the real client with one record per batch (value = its number), and
/// the byte positions of those batches in the segment files, so a test can damage an exact place and
/// then say exactly which records must survive.
/// </summary>
internal sealed class StoredLog
{
    /// <summary>Small segments: about five batches each, so a few dozen records make many closed segments.</summary>
    public const int SegmentBytes = 1024;

    public StoredLog(string dataDirectory, string topic)
    {
        DataDirectory = dataDirectory;
        Topic = topic;
    }

    public string DataDirectory { get; }

    public string Topic { get; }

    public static Task<KafkaBroker> StartAsync(string dataDirectory, Action<BrokerOptions>? configure = null)
    {
        var options = new BrokerOptions { Port = 0, DataDirectory = dataDirectory, FlushIntervalMessages = 0 };
        configure?.Invoke(options);
        return KafkaBroker.StartAsync(options);
    }

    /// <summary>Creates the topic with small segments and writes <paramref name="records"/> records to each partition, one batch each.</summary>
    public static async Task<StoredLog> CreateAsync(string dataDirectory, int partitions, int records)
    {
        var topic = KafkaClients.UniqueTopic("hostile");
        await using var broker = await StartAsync(dataDirectory);
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, partitions, new() { ["segment.bytes"] = SegmentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var producer = KafkaClients.Producer(broker.BootstrapServers, c => c.LingerMs = 0);
        for (var p = 0; p < partitions; p++)
        {
            for (var i = 0; i < records; i++)
            {
                await producer.ProduceAsync(new TopicPartition(topic, p), new Message<byte[]?, byte[]?> { Value = Value(i) });
            }
        }
        return new StoredLog(dataDirectory, topic);
    }

    public static byte[] Value(int number)
    {
        var value = new byte[100];
        BinaryPrimitives.WriteInt32BigEndian(value, number);
        return value;
    }

    public static int Number(byte[]? value) => BinaryPrimitives.ReadInt32BigEndian(value);

    public string PartitionDirectory(int partition) => Path.Combine(DataDirectory, $"{Topic}-{partition}");

    /// <summary>The partition's segment files, oldest first (the last is the active one).</summary>
    public string[] Segments(int partition) =>
        Directory.GetFiles(PartitionDirectory(partition), "*.log").Order(StringComparer.Ordinal).ToArray();

    /// <summary>Each batch of a segment file: its byte position and its base offset (one record each, so also its number).</summary>
    public static List<(long Position, long Offset)> Batches(string segment)
    {
        var bytes = File.ReadAllBytes(segment);
        var batches = new List<(long, long)>();
        for (var position = 0; position + 12 <= bytes.Length;)
        {
            batches.Add((position, BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(position))));
            position += BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(position + 8)) + 12;
        }
        return batches;
    }

    /// <summary>Overwrites the length field of the batch at <paramref name="position"/>.</summary>
    public static void DamageLength(string segment, long position) => Overwrite(segment, position + 8, [0x7f, 0x00, 0x00, 0x00]);

    /// <summary>Flips a byte inside the records of the batch at <paramref name="position"/> (the CRC no longer matches).</summary>
    public static void FlipPayloadByte(string segment, long position)
    {
        using var file = File.Open(segment, FileMode.Open, FileAccess.ReadWrite);
        file.Position = position + 70;
        var b = file.ReadByte();
        file.Position = position + 70;
        file.WriteByte((byte)(b ^ 0xff));
    }

    public static void Overwrite(string file, long position, byte[] bytes)
    {
        using var stream = File.Open(file, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = position;
        stream.Write(bytes);
    }

    /// <summary>
    /// Reads a partition from its beginning with the real consumer until its end; returns the record numbers
    /// read and the first error the application saw (null when none).
    /// </summary>
    public static (List<int> Numbers, Error? Error) ConsumeAll(string bootstrap, string topic, int partition)
    {
        using var consumer = KafkaClients.AssignConsumer(bootstrap, c => c.EnablePartitionEof = true);
        consumer.Assign(new TopicPartitionOffset(topic, partition, Offset.Beginning));
        var numbers = new List<int>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
                if (result is null)
                {
                    continue;
                }
                if (result.IsPartitionEOF)
                {
                    return (numbers, null);
                }
                numbers.Add(Number(result.Message.Value));
            }
            catch (ConsumeException ex)
            {
                return (numbers, ex.Error);
            }
        }
        throw new TimeoutException($"{topic}-{partition}: neither its end nor an error within 30 s ({numbers.Count} records read).");
    }
}
