using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.OffsetFetch;

/// <summary>
/// OffsetFetch request (key 9), versions 0-5. From v2 a null topic list asks for every committed offset
/// of the group; before v2 the list cannot be null.
/// </summary>
public sealed record OffsetFetchRequest(string GroupId, IReadOnlyList<OffsetFetchRequest.Topic>? Topics)
    : IKafkaRequest<OffsetFetchRequest, OffsetFetchResponse>
{
    public sealed record Topic(string Name, IReadOnlyList<int> PartitionIndexes);

    public static ApiKey ApiKey => ApiKey.OffsetFetch;

    public static OffsetFetchRequest Read(ref KafkaReader reader, short version)
    {
        var groupId = reader.ReadString(compact: false);
        var topics = version >= 2 ? reader.ReadNullableArray(version, ReadTopic) : reader.ReadArray(version, ReadTopic);
        return new OffsetFetchRequest(groupId, topics);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteString(GroupId, compact: false);
        if (Topics is null && version < 2)
        {
            throw new KafkaProtocolException($"OffsetFetch v{version} cannot ask for all topics (null topics needs v2+).", ErrorCode.UnsupportedVersion);
        }
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
