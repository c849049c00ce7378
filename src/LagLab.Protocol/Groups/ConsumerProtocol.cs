using System.Buffers;
using LagLab.Protocol.Messages;
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

    public static ConsumerProtocolTopicPartitions[] ReadTopicPartitions(ref KafkaReader reader) =>
        reader.ReadArray(version: 0, static (ref KafkaReader r, short _) =>
            new ConsumerProtocolTopicPartitions(r.ReadString(compact: false), r.ReadInt32Array()));

    public static void WriteTopicPartitions(ref KafkaWriter writer, IReadOnlyList<ConsumerProtocolTopicPartitions> topics) =>
        writer.WriteArray(topics, version: 0, static (ref KafkaWriter w, ConsumerProtocolTopicPartitions topic, short _) =>
        {
            w.WriteString(topic.Topic, compact: false);
            w.WriteInt32Array(topic.Partitions);
        });
}
