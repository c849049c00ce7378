using System.Buffers;
using LagLab.Protocol.Primitives;

namespace LagLab.Broker.Groups.Persistence;

/// <summary>Offset commit key, written at version 1 as Kafka does: group, topic, partition.</summary>
internal sealed record OffsetCommitKey(string Group, TopicPartition TopicPartition) : GroupRecordKey(Group)
{
    public const short Version = 1;

    public override byte[] Encode()
    {
        var output = new ArrayBufferWriter<byte>(64);
        var writer = new KafkaWriter(output);
        writer.WriteInt16(Version);
        writer.WriteString(Group, compact: false);
        writer.WriteString(TopicPartition.Topic, compact: false);
        writer.WriteInt32(TopicPartition.Partition);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Reads the fields after the version (identical in v0 and v1).</summary>
    public static OffsetCommitKey ReadBody(ref KafkaReader reader)
    {
        var group = reader.ReadString(compact: false);
        var topic = reader.ReadString(compact: false);
        var partition = reader.ReadInt32();
        return new OffsetCommitKey(group, new TopicPartition(topic, partition));
    }
}
