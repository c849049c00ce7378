using System.Buffers;
using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Groups;

/// <summary>
/// The framing shared by the "consumer" protocol's embedded bytes: an int16 version, then the body. Like
/// Kafka's ConsumerProtocol, a newer version than we know is parsed with our newest layout (versions may
/// only append fields) and bytes after the known fields are ignored.
/// </summary>
internal static class ConsumerProtocol
{
    public const short MaxVersion = 3;

    public static T Deserialize<T>(ReadOnlyMemory<byte> bytes, string what)
        where T : IKafkaMessage<T>
    {
        if (bytes.IsEmpty)
        {
            throw new KafkaProtocolException($"Consumer protocol {what} is empty (no version header).");
        }
        var reader = new KafkaReader(bytes);
        var version = reader.ReadInt16();
        if (version < 0)
        {
            throw new KafkaProtocolException($"Consumer protocol {what} has negative version {version}.");
        }
        return T.Read(ref reader, Math.Min(version, MaxVersion));
    }

    public static byte[] Serialize(IKafkaMessage message, short version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, MaxVersion);
        var output = new ArrayBufferWriter<byte>();
        var writer = new KafkaWriter(output);
        writer.WriteInt16(version);
        message.Write(ref writer, version);
        return output.WrittenSpan.ToArray();
    }

    public static List<ConsumerProtocolTopicPartitions> ReadTopicPartitions(ref KafkaReader reader)
    {
        var topicCount = reader.ReadNonNullArrayLength(compact: false);
        var topics = new List<ConsumerProtocolTopicPartitions>(topicCount);
        for (var t = 0; t < topicCount; t++)
        {
            var topic = reader.ReadString(compact: false);
            var partitionCount = reader.ReadNonNullArrayLength(compact: false);
            var partitions = new List<int>(partitionCount);
            for (var p = 0; p < partitionCount; p++)
            {
                partitions.Add(reader.ReadInt32());
            }
            topics.Add(new ConsumerProtocolTopicPartitions(topic, partitions));
        }
        return topics;
    }

    public static void WriteTopicPartitions(ref KafkaWriter writer, IReadOnlyList<ConsumerProtocolTopicPartitions> topics)
    {
        writer.WriteArrayLength(topics.Count, compact: false);
        foreach (var topic in topics)
        {
            writer.WriteString(topic.Topic, compact: false);
            writer.WriteArrayLength(topic.Partitions.Count, compact: false);
            foreach (var partition in topic.Partitions)
            {
                writer.WriteInt32(partition);
            }
        }
    }
}
