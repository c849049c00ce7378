using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.OffsetDelete;

/// <summary>OffsetDelete request (key 47), version 0 only: delete a group's committed offsets for some partitions.</summary>
public sealed record OffsetDeleteRequest(string GroupId, IReadOnlyList<OffsetDeleteRequest.Topic> Topics)
    : IKafkaRequest<OffsetDeleteRequest, OffsetDeleteResponse>
{
    public sealed record Topic(string Name, IReadOnlyList<int> PartitionIndexes);

    public static ApiKey ApiKey => ApiKey.OffsetDelete;

    public static OffsetDeleteRequest Read(ref KafkaReader reader, short version)
    {
        var groupId = reader.ReadString(compact: false);
        var topics = reader.ReadArray(version, ReadTopic);
        return new OffsetDeleteRequest(groupId, topics);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteString(GroupId, compact: false);
        writer.WriteArray(Topics, version, WriteTopic);
    }

    private static Topic ReadTopic(ref KafkaReader reader, short version) =>
        new(reader.ReadString(compact: false), reader.ReadInt32Array());

    private static void WriteTopic(ref KafkaWriter writer, Topic topic, short version)
    {
        writer.WriteString(topic.Name, compact: false);
        writer.WriteInt32Array(topic.PartitionIndexes);
    }
}
