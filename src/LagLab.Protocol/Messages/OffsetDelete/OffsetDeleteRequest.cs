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
        var topicCount = reader.ReadNonNullArrayLength(compact: false);
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
        return new OffsetDeleteRequest(groupId, topics);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteString(GroupId, compact: false);
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
