using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.SyncGroup;

/// <summary>SyncGroup response (key 14), versions 0-3. throttle_time_ms from v1.</summary>
public sealed record SyncGroupResponse(ErrorCode ErrorCode, ReadOnlyMemory<byte> Assignment, int ThrottleTimeMs = 0)
    : IKafkaMessage<SyncGroupResponse>
{
    public static SyncGroupResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = version >= 1 ? reader.ReadInt32() : 0;
        var errorCode = (ErrorCode)reader.ReadInt16();
        var assignment = reader.ReadBytes(compact: false);
        return new SyncGroupResponse(errorCode, assignment, throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 1)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
        writer.WriteInt16(ErrorCode);
        writer.WriteBytes(Assignment.Span, compact: false);
    }
}
