using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.Heartbeat;

/// <summary>Heartbeat response (key 12), versions 0-3. throttle_time_ms from v1.</summary>
public sealed record HeartbeatResponse(ErrorCode ErrorCode, int ThrottleTimeMs = 0) : IKafkaMessage<HeartbeatResponse>
{
    public static HeartbeatResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = version >= 1 ? reader.ReadInt32() : 0;
        return new HeartbeatResponse((ErrorCode)reader.ReadInt16(), throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 1)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
        writer.WriteInt16(ErrorCode);
    }
}
