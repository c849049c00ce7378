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
        var topicCount = version >= 2 ? reader.ReadArrayLength(compact: false) : reader.ReadNonNullArrayLength(compact: false);
        if (topicCount < 0)
        {
            return new OffsetFetchRequest(groupId, null);
        }
        var topics = new List<Topic>(topicCount);
        for (var t = 0; t < topicCount; t++)
        {
            var name = reader.ReadString(compact: false);
            var partitionCount = reader.ReadNonNullArrayLength(compact: false);
            var partitions = new List<int>(partitionCount);
            for (var p = 0; p < partitionCount; p++)
            {
                partitions.Add(reader.ReadInt32());
            }
            topics.Add(new Topic(name, partitions));
        }
        return new OffsetFetchRequest(groupId, topics);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteString(GroupId, compact: false);
        if (Topics is null)
        {
            if (version < 2)
            {
                throw new KafkaProtocolException($"OffsetFetch v{version} cannot ask for all topics (null topics needs v2+).", ErrorCode.UnsupportedVersion);
            }
            writer.WriteArrayLength(-1, compact: false);
            return;
        }
        writer.WriteArrayLength(Topics.Count, compact: false);
        foreach (var topic in Topics)
        {
            writer.WriteString(topic.Name, compact: false);
            writer.WriteArrayLength(topic.PartitionIndexes.Count, compact: false);
            foreach (var partition in topic.PartitionIndexes)
            {
                writer.WriteInt32(partition);
            }
        }
    }
}
