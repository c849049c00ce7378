using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.DeleteTopics;

/// <summary>DeleteTopics request (key 20), versions 0-3 (all identical on the wire): topic names and a timeout.</summary>
public sealed record DeleteTopicsRequest(IReadOnlyList<string> TopicNames, int TimeoutMs)
    : IKafkaRequest<DeleteTopicsRequest, DeleteTopicsResponse>
{
    public static ApiKey ApiKey => ApiKey.DeleteTopics;

    public static DeleteTopicsRequest Read(ref KafkaReader reader, short version) =>
        new(reader.ReadStringArray(), reader.ReadInt32());

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteStringArray(TopicNames);
        writer.WriteInt32(TimeoutMs);
    }
}
