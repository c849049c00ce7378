using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.DeleteTopics;

/// <summary>DeleteTopics response (key 20), versions 0-3. throttle_time_ms v1+.</summary>
public sealed record DeleteTopicsResponse(IReadOnlyList<DeleteTopicsResponse.Result> Responses, int ThrottleTimeMs = 0)
    : IKafkaMessage<DeleteTopicsResponse>
{
    public static DeleteTopicsResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = version >= 1 ? reader.ReadInt32() : 0;
        return new DeleteTopicsResponse(reader.ReadArray<Result>(version), throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 1)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
        writer.WriteArray(Responses, version);
    }

    public sealed record Result(string Name, ErrorCode ErrorCode) : IKafkaMessage<Result>
    {
        public static Result Read(ref KafkaReader reader, short version) =>
            new(reader.ReadString(compact: false), (ErrorCode)reader.ReadInt16());

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteString(Name, compact: false);
            writer.WriteInt16(ErrorCode);
        }
    }
}
