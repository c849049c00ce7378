using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.InitProducerId;

/// <summary>InitProducerId response (key 22), versions 0-1 (identical on the wire).</summary>
public sealed record InitProducerIdResponse(ErrorCode ErrorCode, long ProducerId = -1, short ProducerEpoch = 0, int ThrottleTimeMs = 0)
    : IKafkaMessage<InitProducerIdResponse>
{
    public static InitProducerIdResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = reader.ReadInt32();
        var errorCode = (ErrorCode)reader.ReadInt16();
        var producerId = reader.ReadInt64();
        var producerEpoch = reader.ReadInt16();
        return new InitProducerIdResponse(errorCode, producerId, producerEpoch, throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteInt32(ThrottleTimeMs);
        writer.WriteInt16(ErrorCode);
        writer.WriteInt64(ProducerId);
        writer.WriteInt16(ProducerEpoch);
    }
}
