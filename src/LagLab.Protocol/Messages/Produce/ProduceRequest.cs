using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.Produce;

/// <summary>
/// Produce request (key 0), versions 3-8 (transactional_id from v3, so message format v2 only).
/// Record batches stay undecoded: each partition's records are a slice of the request frame.
/// </summary>
public sealed record ProduceRequest(string? TransactionalId, short Acks, int TimeoutMs, IReadOnlyList<ProduceRequest.Topic> Topics)
    : IKafkaRequest<ProduceRequest, ProduceResponse>
{
    public static ApiKey ApiKey => ApiKey.Produce;

    public static ProduceRequest Read(ref KafkaReader reader, short version)
    {
        var transactionalId = version >= 3 ? reader.ReadNullableString(compact: false) : null;
        var acks = reader.ReadInt16();
        var timeoutMs = reader.ReadInt32();
        return new ProduceRequest(transactionalId, acks, timeoutMs, reader.ReadArray<Topic>(version));
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 3)
        {
            writer.WriteNullableString(TransactionalId, compact: false);
        }
        writer.WriteInt16(Acks);
        writer.WriteInt32(TimeoutMs);
        writer.WriteArray(Topics, version);
    }

    public sealed record Topic(string Name, IReadOnlyList<Partition> Partitions) : TopicEntry<Partition>(Name, Partitions), IKafkaMessage<Topic>
    {
        public static Topic Read(ref KafkaReader reader, short version) =>
            new(reader.ReadString(compact: false), reader.ReadArray<Partition>(version));
    }

    /// <summary>One partition's record batches, exactly as the producer sent them (null is legal on the wire).</summary>
    public sealed record Partition(int Index, ReadOnlyMemory<byte>? Records) : IKafkaMessage<Partition>
    {
        public static Partition Read(ref KafkaReader reader, short version) =>
            new(reader.ReadInt32(), reader.ReadNullableBytes(compact: false));

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteInt32(Index);
            writer.WriteNullableBytes(Records, compact: false);
        }
    }
}
