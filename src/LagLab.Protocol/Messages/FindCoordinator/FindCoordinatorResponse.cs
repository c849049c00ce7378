using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.FindCoordinator;

/// <summary>FindCoordinator response (key 10), versions 0-2. throttle_time_ms and error_message from v1.</summary>
public sealed record FindCoordinatorResponse(
    ErrorCode ErrorCode,
    int NodeId,
    string Host,
    int Port,
    string? ErrorMessage = null,
    int ThrottleTimeMs = 0)
    : IKafkaMessage<FindCoordinatorResponse>
{
    public static FindCoordinatorResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = version >= 1 ? reader.ReadInt32() : 0;
        var errorCode = (ErrorCode)reader.ReadInt16();
        var errorMessage = version >= 1 ? reader.ReadNullableString(compact: false) : null;
        var nodeId = reader.ReadInt32();
        var host = reader.ReadString(compact: false);
        var port = reader.ReadInt32();
        return new FindCoordinatorResponse(errorCode, nodeId, host, port, errorMessage, throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 1)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
        writer.WriteInt16(ErrorCode);
        if (version >= 1)
        {
            writer.WriteNullableString(ErrorMessage, compact: false);
        }
        writer.WriteInt32(NodeId);
        writer.WriteString(Host, compact: false);
        writer.WriteInt32(Port);
    }
}
