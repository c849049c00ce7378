using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.Fetch;

/// <summary>
/// Fetch response (key 1), versions 0-11. throttle_time_ms v1+; top-level error_code and session_id v7+.
/// </summary>
public sealed record FetchResponse(IReadOnlyList<FetchResponse.Topic> Responses, int ThrottleTimeMs = 0, ErrorCode ErrorCode = ErrorCode.None, int SessionId = 0)
    : IKafkaMessage<FetchResponse>
{
    public static FetchResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = version >= 1 ? reader.ReadInt32() : 0;
        var errorCode = version >= 7 ? (ErrorCode)reader.ReadInt16() : ErrorCode.None;
        var sessionId = version >= 7 ? reader.ReadInt32() : 0;
        return new FetchResponse(reader.ReadArray<Topic>(version), throttle, errorCode, sessionId);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 1)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
        if (version >= 7)
        {
            writer.WriteInt16(ErrorCode);
            writer.WriteInt32(SessionId);
        }
        writer.WriteArray(Responses, version);
    }

    public sealed record Topic(string Name, IReadOnlyList<Partition> Partitions) : TopicEntry<Partition>(Name, Partitions), IKafkaMessage<Topic>
    {
        public static Topic Read(ref KafkaReader reader, short version) =>
            new(reader.ReadString(compact: false), reader.ReadArray<Partition>(version));
    }

    /// <summary>
    /// One partition's data. Records are whole record batches in one or more chunks (e.g. straight from
    /// several log segments), written back to back as ONE bytes field whose length is their total, so the
    /// broker never concatenates them first. Never written as null: librdkafka rejects a negative size, so
    /// no data is length 0. Reading yields a single chunk (a slice of the frame), or none when empty or null.
    /// LastStableOffset and AbortedTransactions v4+ (null = none), LogStartOffset v5+, PreferredReadReplica v11.
    /// </summary>
    public sealed record Partition(
        int Index,
        ErrorCode ErrorCode,
        long HighWatermark,
        IReadOnlyList<ReadOnlyMemory<byte>>? Records = null,
        long LastStableOffset = -1,
        long LogStartOffset = -1,
        IReadOnlyList<AbortedTransaction>? AbortedTransactions = null,
        int PreferredReadReplica = -1) : IKafkaMessage<Partition>
    {
        public IReadOnlyList<ReadOnlyMemory<byte>> Records { get; init; } = Records ?? [];

        public static Partition Read(ref KafkaReader reader, short version)
        {
            var index = reader.ReadInt32();
            var errorCode = (ErrorCode)reader.ReadInt16();
            var highWatermark = reader.ReadInt64();
            var lastStableOffset = version >= 4 ? reader.ReadInt64() : -1;
            var logStartOffset = version >= 5 ? reader.ReadInt64() : -1;
            var aborted = version >= 4 ? reader.ReadNullableArray<AbortedTransaction>(version) : null;
            var preferredReadReplica = version >= 11 ? reader.ReadInt32() : -1;
            var records = reader.ReadNullableBytes(compact: false);
            ReadOnlyMemory<byte>[] chunks = records is { Length: > 0 } data ? [data] : [];
            return new Partition(index, errorCode, highWatermark, chunks, lastStableOffset, logStartOffset, aborted, preferredReadReplica);
        }

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteInt32(Index);
            writer.WriteInt16(ErrorCode);
            writer.WriteInt64(HighWatermark);
            if (version >= 4)
            {
                writer.WriteInt64(LastStableOffset);
            }
            if (version >= 5)
            {
                writer.WriteInt64(LogStartOffset);
            }
            if (version >= 4)
            {
                writer.WriteArray(AbortedTransactions, version);
            }
            if (version >= 11)
            {
                writer.WriteInt32(PreferredReadReplica);
            }
            var total = 0;
            for (var i = 0; i < Records.Count; i++)
            {
                total = checked(total + Records[i].Length);
            }
            writer.WriteInt32(total);
            for (var i = 0; i < Records.Count; i++)
            {
                writer.WriteRaw(Records[i].Span);
            }
        }
    }

    /// <summary>A transaction aborted inside the returned data (v4+, read_committed consumers skip it).</summary>
    public sealed record AbortedTransaction(long ProducerId, long FirstOffset) : IKafkaMessage<AbortedTransaction>
    {
        public static AbortedTransaction Read(ref KafkaReader reader, short version) => new(reader.ReadInt64(), reader.ReadInt64());

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteInt64(ProducerId);
            writer.WriteInt64(FirstOffset);
        }
    }
}
