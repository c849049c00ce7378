using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.CreateTopics;

/// <summary>CreateTopics response (key 19), versions 0-4. throttle_time_ms v2+, per-topic error_message v1+.</summary>
public sealed record CreateTopicsResponse(IReadOnlyList<CreateTopicsResponse.Topic> Topics, int ThrottleTimeMs = 0)
    : IKafkaMessage<CreateTopicsResponse>
{
    public static CreateTopicsResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = version >= 2 ? reader.ReadInt32() : 0;
        return new CreateTopicsResponse(reader.ReadArray<Topic>(version), throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 2)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
        writer.WriteArray(Topics, version);
    }

    public sealed record Topic(string Name, ErrorCode ErrorCode, string? ErrorMessage = null) : IKafkaMessage<Topic>
    {
        public static Topic Read(ref KafkaReader reader, short version)
        {
            var name = reader.ReadString(compact: false);
            var errorCode = (ErrorCode)reader.ReadInt16();
            var message = version >= 1 ? reader.ReadNullableString(compact: false) : null;
            return new Topic(name, errorCode, message);
        }

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteString(Name, compact: false);
            writer.WriteInt16(ErrorCode);
            if (version >= 1)
            {
                writer.WriteNullableString(ErrorMessage, compact: false);
            }
        }
    }
}
