using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.InitProducerId;

/// <summary>InitProducerId request (key 22), versions 0-1 (identical on the wire). Null transactional id = idempotent only.</summary>
public sealed record InitProducerIdRequest(string? TransactionalId, int TransactionTimeoutMs)
    : IKafkaRequest<InitProducerIdRequest, InitProducerIdResponse>
{
    public static ApiKey ApiKey => ApiKey.InitProducerId;

    public static InitProducerIdRequest Read(ref KafkaReader reader, short version) =>
        new(reader.ReadNullableString(compact: false), reader.ReadInt32());

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteNullableString(TransactionalId, compact: false);
        writer.WriteInt32(TransactionTimeoutMs);
    }
}
