using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.CreatePartitions;

/// <summary>CreatePartitions request (key 37), versions 0-1 (identical on the wire).</summary>
public sealed record CreatePartitionsRequest(IReadOnlyList<CreatePartitionsRequest.Topic> Topics, int TimeoutMs, bool ValidateOnly = false)
    : IKafkaRequest<CreatePartitionsRequest, CreatePartitionsResponse>
{
    public static ApiKey ApiKey => ApiKey.CreatePartitions;

    public static CreatePartitionsRequest Read(ref KafkaReader reader, short version)
    {
        var topics = reader.ReadArray<Topic>(version);
        var timeoutMs = reader.ReadInt32();
        return new CreatePartitionsRequest(topics, timeoutMs, reader.ReadBoolean());
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteArray(Topics, version);
        writer.WriteInt32(TimeoutMs);
        writer.WriteBoolean(ValidateOnly);
    }

    /// <summary>The new total partition count; Assignments (one per new partition) null for automatic placement.</summary>
    public sealed record Topic(string Name, int Count, IReadOnlyList<Assignment>? Assignments = null) : IKafkaMessage<Topic>
    {
        public static Topic Read(ref KafkaReader reader, short version) =>
            new(reader.ReadString(compact: false), reader.ReadInt32(), reader.ReadNullableArray<Assignment>(version));

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteString(Name, compact: false);
            writer.WriteInt32(Count);
            writer.WriteArray(Assignments, version);
        }
    }

    public sealed record Assignment(IReadOnlyList<int> BrokerIds) : IKafkaMessage<Assignment>
    {
        public static Assignment Read(ref KafkaReader reader, short version) => new(reader.ReadInt32Array());

        public void Write(ref KafkaWriter writer, short version) => writer.WriteInt32Array(BrokerIds);
    }
}
