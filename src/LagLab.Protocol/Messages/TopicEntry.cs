using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages;

/// <summary>
/// The entry most data APIs nest: a topic name, then an array of its partitions. Each message derives its own
/// sealed <c>Topic</c> from it (keeping its own type name and a static Read); the writing is shared.
/// </summary>
public abstract record TopicEntry<TPartition>(string Name, IReadOnlyList<TPartition> Partitions) : IKafkaMessage
    where TPartition : IKafkaMessage<TPartition>
{
    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteString(Name, compact: false);
        writer.WriteArray(Partitions, version);
    }
}
