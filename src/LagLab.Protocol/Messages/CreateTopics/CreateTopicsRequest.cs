using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.CreateTopics;

/// <summary>
/// CreateTopics request (key 19), versions 0-4. validate_only v1+. From v4 (KIP-464) num_partitions and
/// replication_factor may be -1, meaning the broker default.
/// </summary>
public sealed record CreateTopicsRequest(IReadOnlyList<CreateTopicsRequest.Topic> Topics, int TimeoutMs = 60_000, bool ValidateOnly = false)
    : IKafkaRequest<CreateTopicsRequest, CreateTopicsResponse>
{
    public static ApiKey ApiKey => ApiKey.CreateTopics;

    public static CreateTopicsRequest Read(ref KafkaReader reader, short version)
    {
        var topics = reader.ReadArray<Topic>(version);
        var timeoutMs = reader.ReadInt32();
        var validateOnly = version >= 1 && reader.ReadBoolean();
        return new CreateTopicsRequest(topics, timeoutMs, validateOnly);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteArray(Topics, version);
        writer.WriteInt32(TimeoutMs);
        if (version >= 1)
        {
            writer.WriteBoolean(ValidateOnly);
        }
    }

    /// <summary>A topic to create: -1 partitions / replication factor for the default, or manual assignments.</summary>
    public sealed record Topic(
        string Name,
        int NumPartitions,
        short ReplicationFactor,
        IReadOnlyList<Assignment>? Assignments = null,
        IReadOnlyList<Config>? Configs = null) : IKafkaMessage<Topic>
    {
        public IReadOnlyList<Assignment> Assignments { get; init; } = Assignments ?? [];

        public IReadOnlyList<Config> Configs { get; init; } = Configs ?? [];

        public static Topic Read(ref KafkaReader reader, short version)
        {
            var name = reader.ReadString(compact: false);
            var numPartitions = reader.ReadInt32();
            var replicationFactor = reader.ReadInt16();
            var assignments = reader.ReadArray<Assignment>(version);
            var configs = reader.ReadArray<Config>(version);
            return new Topic(name, numPartitions, replicationFactor, assignments, configs);
        }

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteString(Name, compact: false);
            writer.WriteInt32(NumPartitions);
            writer.WriteInt16(ReplicationFactor);
            writer.WriteArray(Assignments, version);
            writer.WriteArray(Configs, version);
        }
    }

    /// <summary>Manual placement of one partition on brokers.</summary>
    public sealed record Assignment(int PartitionIndex, IReadOnlyList<int> BrokerIds) : IKafkaMessage<Assignment>
    {
        public static Assignment Read(ref KafkaReader reader, short version) => new(reader.ReadInt32(), reader.ReadInt32Array());

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteInt32(PartitionIndex);
            writer.WriteInt32Array(BrokerIds);
        }
    }

    /// <summary>A topic config override; a null value is legal on the wire.</summary>
    public sealed record Config(string Name, string? Value) : IKafkaMessage<Config>
    {
        public static Config Read(ref KafkaReader reader, short version) =>
            new(reader.ReadString(compact: false), reader.ReadNullableString(compact: false));

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteString(Name, compact: false);
            writer.WriteNullableString(Value, compact: false);
        }
    }
}
