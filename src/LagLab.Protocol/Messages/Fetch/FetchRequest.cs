using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.Fetch;

/// <summary>
/// Fetch request (key 1), versions 0-11. max_bytes v3+, isolation_level v4+, session id/epoch and
/// forgotten topics v7+, rack_id v11. Absent fields read back as the spec defaults.
/// </summary>
public sealed record FetchRequest(
    int ReplicaId,
    int MaxWaitMs,
    int MinBytes,
    IReadOnlyList<FetchRequest.Topic> Topics,
    int MaxBytes = int.MaxValue,
    IsolationLevel IsolationLevel = IsolationLevel.ReadUncommitted,
    int SessionId = 0,
    int SessionEpoch = -1,
    IReadOnlyList<FetchRequest.ForgottenTopic>? ForgottenTopics = null,
    string RackId = "") : IKafkaRequest<FetchRequest, FetchResponse>
{
    public IReadOnlyList<ForgottenTopic> ForgottenTopics { get; init; } = ForgottenTopics ?? [];

    public static ApiKey ApiKey => ApiKey.Fetch;

    public static FetchRequest Read(ref KafkaReader reader, short version)
    {
        var replicaId = reader.ReadInt32();
        var maxWaitMs = reader.ReadInt32();
        var minBytes = reader.ReadInt32();
        var maxBytes = version >= 3 ? reader.ReadInt32() : int.MaxValue;
        var isolation = version >= 4 ? (IsolationLevel)reader.ReadInt8() : IsolationLevel.ReadUncommitted;
        var sessionId = version >= 7 ? reader.ReadInt32() : 0;
        var sessionEpoch = version >= 7 ? reader.ReadInt32() : -1;
        var topics = reader.ReadArray<Topic>(version);
        var forgotten = version >= 7 ? reader.ReadArray<ForgottenTopic>(version) : null;
        var rackId = version >= 11 ? reader.ReadString(compact: false) : string.Empty;
        return new FetchRequest(replicaId, maxWaitMs, minBytes, topics, maxBytes, isolation, sessionId, sessionEpoch, forgotten, rackId);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteInt32(ReplicaId);
        writer.WriteInt32(MaxWaitMs);
        writer.WriteInt32(MinBytes);
        if (version >= 3)
        {
            writer.WriteInt32(MaxBytes);
        }
        if (version >= 4)
        {
            writer.WriteInt8((sbyte)IsolationLevel);
        }
        if (version >= 7)
        {
            writer.WriteInt32(SessionId);
            writer.WriteInt32(SessionEpoch);
        }
        writer.WriteArray(Topics, version);
        if (version >= 7)
        {
            writer.WriteArray(ForgottenTopics, version);
        }
        if (version >= 11)
        {
            writer.WriteString(RackId, compact: false);
        }
    }

    public sealed record Topic(string Name, IReadOnlyList<Partition> Partitions) : TopicEntry<Partition>(Name, Partitions), IKafkaMessage<Topic>
    {
        public static Topic Read(ref KafkaReader reader, short version) =>
            new(reader.ReadString(compact: false), reader.ReadArray<Partition>(version));
    }

    /// <summary>One partition to fetch. CurrentLeaderEpoch v9+, LogStartOffset v5+ (followers only).</summary>
    public sealed record Partition(int Index, long FetchOffset, int PartitionMaxBytes, int CurrentLeaderEpoch = -1, long LogStartOffset = -1)
        : IKafkaMessage<Partition>
    {
        public static Partition Read(ref KafkaReader reader, short version)
        {
            var index = reader.ReadInt32();
            var leaderEpoch = version >= 9 ? reader.ReadInt32() : -1;
            var fetchOffset = reader.ReadInt64();
            var logStartOffset = version >= 5 ? reader.ReadInt64() : -1;
            var maxBytes = reader.ReadInt32();
            return new Partition(index, fetchOffset, maxBytes, leaderEpoch, logStartOffset);
        }

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteInt32(Index);
            if (version >= 9)
            {
                writer.WriteInt32(CurrentLeaderEpoch);
            }
            writer.WriteInt64(FetchOffset);
            if (version >= 5)
            {
                writer.WriteInt64(LogStartOffset);
            }
            writer.WriteInt32(PartitionMaxBytes);
        }
    }

    /// <summary>Partitions an incremental fetch session drops (v7+).</summary>
    public sealed record ForgottenTopic(string Name, IReadOnlyList<int> Partitions) : IKafkaMessage<ForgottenTopic>
    {
        public static ForgottenTopic Read(ref KafkaReader reader, short version) =>
            new(reader.ReadString(compact: false), reader.ReadInt32Array());

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteString(Name, compact: false);
            writer.WriteInt32Array(Partitions);
        }
    }
}
