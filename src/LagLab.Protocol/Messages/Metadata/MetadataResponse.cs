using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.Metadata;

/// <summary>
/// Metadata response (key 3), versions 0-8. throttle_time_ms v3+, cluster_id v2+, controller_id v1+,
/// cluster_authorized_operations v8 (int.MinValue when not requested).
/// </summary>
public sealed record MetadataResponse(
    IReadOnlyList<MetadataResponse.Broker> Brokers,
    IReadOnlyList<MetadataResponse.Topic> Topics,
    int ThrottleTimeMs = 0,
    string? ClusterId = null,
    int ControllerId = -1,
    int ClusterAuthorizedOperations = MetadataResponse.AuthorizedOperationsOmitted) : IKafkaMessage<MetadataResponse>
{
    /// <summary>The authorized-operations value meaning "not requested" (INT32 min).</summary>
    public const int AuthorizedOperationsOmitted = int.MinValue;

    public static MetadataResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = version >= 3 ? reader.ReadInt32() : 0;
        var brokers = reader.ReadArray<Broker>(version);
        var clusterId = version >= 2 ? reader.ReadNullableString(compact: false) : null;
        var controllerId = version >= 1 ? reader.ReadInt32() : -1;
        var topics = reader.ReadArray<Topic>(version);
        var clusterOps = version >= 8 ? reader.ReadInt32() : AuthorizedOperationsOmitted;
        return new MetadataResponse(brokers, topics, throttle, clusterId, controllerId, clusterOps);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 3)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
        writer.WriteArray(Brokers, version);
        if (version >= 2)
        {
            writer.WriteNullableString(ClusterId, compact: false);
        }
        if (version >= 1)
        {
            writer.WriteInt32(ControllerId);
        }
        writer.WriteArray(Topics, version);
        if (version >= 8)
        {
            writer.WriteInt32(ClusterAuthorizedOperations);
        }
    }

    /// <summary>A broker the client may connect to; Rack v1+.</summary>
    public sealed record Broker(int NodeId, string Host, int Port, string? Rack = null) : IKafkaMessage<Broker>
    {
        public static Broker Read(ref KafkaReader reader, short version)
        {
            var nodeId = reader.ReadInt32();
            var host = reader.ReadString(compact: false);
            var port = reader.ReadInt32();
            var rack = version >= 1 ? reader.ReadNullableString(compact: false) : null;
            return new Broker(nodeId, host, port, rack);
        }

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteInt32(NodeId);
            writer.WriteString(Host, compact: false);
            writer.WriteInt32(Port);
            if (version >= 1)
            {
                writer.WriteNullableString(Rack, compact: false);
            }
        }
    }

    /// <summary>One topic; IsInternal v1+, TopicAuthorizedOperations v8.</summary>
    public sealed record Topic(
        ErrorCode ErrorCode,
        string Name,
        IReadOnlyList<Partition> Partitions,
        bool IsInternal = false,
        int TopicAuthorizedOperations = AuthorizedOperationsOmitted) : IKafkaMessage<Topic>
    {
        public static Topic Read(ref KafkaReader reader, short version)
        {
            var errorCode = (ErrorCode)reader.ReadInt16();
            var name = reader.ReadString(compact: false);
            var isInternal = version >= 1 && reader.ReadBoolean();
            var partitions = reader.ReadArray<Partition>(version);
            var topicOps = version >= 8 ? reader.ReadInt32() : AuthorizedOperationsOmitted;
            return new Topic(errorCode, name, partitions, isInternal, topicOps);
        }

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteInt16(ErrorCode);
            writer.WriteString(Name, compact: false);
            if (version >= 1)
            {
                writer.WriteBoolean(IsInternal);
            }
            writer.WriteArray(Partitions, version);
            if (version >= 8)
            {
                writer.WriteInt32(TopicAuthorizedOperations);
            }
        }
    }

    /// <summary>One partition; LeaderEpoch v7+, OfflineReplicas v5+.</summary>
    public sealed record Partition(
        ErrorCode ErrorCode,
        int Index,
        int LeaderId,
        IReadOnlyList<int> ReplicaNodes,
        IReadOnlyList<int> IsrNodes,
        int LeaderEpoch = -1,
        IReadOnlyList<int>? OfflineReplicas = null) : IKafkaMessage<Partition>
    {
        public IReadOnlyList<int> OfflineReplicas { get; init; } = OfflineReplicas ?? [];

        public static Partition Read(ref KafkaReader reader, short version)
        {
            var errorCode = (ErrorCode)reader.ReadInt16();
            var index = reader.ReadInt32();
            var leaderId = reader.ReadInt32();
            var leaderEpoch = version >= 7 ? reader.ReadInt32() : -1;
            var replicas = reader.ReadInt32Array();
            var isr = reader.ReadInt32Array();
            var offline = version >= 5 ? reader.ReadInt32Array() : null;
            return new Partition(errorCode, index, leaderId, replicas, isr, leaderEpoch, offline);
        }

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteInt16(ErrorCode);
            writer.WriteInt32(Index);
            writer.WriteInt32(LeaderId);
            if (version >= 7)
            {
                writer.WriteInt32(LeaderEpoch);
            }
            writer.WriteInt32Array(ReplicaNodes);
            writer.WriteInt32Array(IsrNodes);
            if (version >= 5)
            {
                writer.WriteInt32Array(OfflineReplicas);
            }
        }
    }
}
