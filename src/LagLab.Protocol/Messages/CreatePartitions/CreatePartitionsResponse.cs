using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.CreatePartitions;

/// <summary>CreatePartitions response (key 37), versions 0-1 (identical on the wire).</summary>
public sealed record CreatePartitionsResponse(IReadOnlyList<CreatePartitionsResponse.Result> Results, int ThrottleTimeMs = 0)
    : IKafkaMessage<CreatePartitionsResponse>
{
    public static CreatePartitionsResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = reader.ReadInt32();
        return new CreatePartitionsResponse(reader.ReadArray<Result>(version), throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteInt32(ThrottleTimeMs);
        writer.WriteArray(Results, version);
    }

    public sealed record Result(string Name, ErrorCode ErrorCode, string? ErrorMessage = null) : IKafkaMessage<Result>
    {
        public static Result Read(ref KafkaReader reader, short version) =>
            new(reader.ReadString(compact: false), (ErrorCode)reader.ReadInt16(), reader.ReadNullableString(compact: false));

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteString(Name, compact: false);
            writer.WriteInt16(ErrorCode);
            writer.WriteNullableString(ErrorMessage, compact: false);
        }
    }
}
