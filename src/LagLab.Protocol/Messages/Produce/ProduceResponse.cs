using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.Produce;

/// <summary>
/// Produce response (key 0), versions 3-8. Unlike most responses, throttle_time_ms comes LAST.
/// Fields a version lacks are dropped on write and read back as their defaults.
/// </summary>
public sealed record ProduceResponse(IReadOnlyList<ProduceResponse.Topic> Responses, int ThrottleTimeMs = 0)
    : IKafkaMessage<ProduceResponse>
{
    public static ProduceResponse Read(ref KafkaReader reader, short version)
    {
        var responses = reader.ReadArray<Topic>(version);
        var throttle = version >= 1 ? reader.ReadInt32() : 0;
        return new ProduceResponse(responses, throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteArray(Responses, version);
        if (version >= 1)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
    }

    public sealed record Topic(string Name, IReadOnlyList<Partition> Partitions) : TopicEntry<Partition>(Name, Partitions), IKafkaMessage<Topic>
    {
        public static Topic Read(ref KafkaReader reader, short version) =>
            new(reader.ReadString(compact: false), reader.ReadArray<Partition>(version));
    }

    /// <summary>
    /// One partition's outcome. LogAppendTimeMs is -1 for CreateTime topics (v2+); LogStartOffset v5+;
    /// RecordErrors and ErrorMessage v8+.
    /// </summary>
    public sealed record Partition(
        int Index,
        ErrorCode ErrorCode,
        long BaseOffset,
        long LogAppendTimeMs = -1,
        long LogStartOffset = -1,
        IReadOnlyList<RecordError>? RecordErrors = null,
        string? ErrorMessage = null) : IKafkaMessage<Partition>
    {
        public IReadOnlyList<RecordError> RecordErrors { get; init; } = RecordErrors ?? [];

        public static Partition Read(ref KafkaReader reader, short version)
        {
            var index = reader.ReadInt32();
            var errorCode = (ErrorCode)reader.ReadInt16();
            var baseOffset = reader.ReadInt64();
            var logAppendTime = version >= 2 ? reader.ReadInt64() : -1;
            var logStartOffset = version >= 5 ? reader.ReadInt64() : -1;
            var recordErrors = version >= 8 ? reader.ReadArray<RecordError>(version) : null;
            var errorMessage = version >= 8 ? reader.ReadNullableString(compact: false) : null;
            return new Partition(index, errorCode, baseOffset, logAppendTime, logStartOffset, recordErrors, errorMessage);
        }

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteInt32(Index);
            writer.WriteInt16(ErrorCode);
            writer.WriteInt64(BaseOffset);
            if (version >= 2)
            {
                writer.WriteInt64(LogAppendTimeMs);
            }
            if (version >= 5)
            {
                writer.WriteInt64(LogStartOffset);
            }
            if (version >= 8)
            {
                writer.WriteArray(RecordErrors, version);
                writer.WriteNullableString(ErrorMessage, compact: false);
            }
        }
    }

    /// <summary>A record (by its index in the batch) that made the whole batch fail (v8+).</summary>
    public sealed record RecordError(int BatchIndex, string? Message) : IKafkaMessage<RecordError>
    {
        public static RecordError Read(ref KafkaReader reader, short version) =>
            new(reader.ReadInt32(), reader.ReadNullableString(compact: false));

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteInt32(BatchIndex);
            writer.WriteNullableString(Message, compact: false);
        }
    }
}
