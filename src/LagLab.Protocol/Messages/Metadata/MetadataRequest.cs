using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.Metadata;

/// <summary>
/// Metadata request (key 3), versions 0-8. <see cref="Topics"/> null means "all topics", empty means
/// "no topics" (brokers only). v0 cannot send null: there an empty array means all, so the codec maps
/// v0's empty array to null on read and writes null as an empty array at v0. allow_auto_topic_creation
/// v4+ (default true), include_*_authorized_operations v8.
/// </summary>
public sealed record MetadataRequest(
    IReadOnlyList<string>? Topics,
    bool AllowAutoTopicCreation = true,
    bool IncludeClusterAuthorizedOperations = false,
    bool IncludeTopicAuthorizedOperations = false) : IKafkaRequest<MetadataRequest, MetadataResponse>
{
    public static ApiKey ApiKey => ApiKey.Metadata;

    /// <summary>True when every topic is requested.</summary>
    public bool AllTopics => Topics is null;

    public static MetadataRequest Read(ref KafkaReader reader, short version)
    {
        // Topics are an array of structs holding only a name at v0-8 (a topic id joins them at v10).
        var topics = version >= 1 ? reader.ReadNullableStringArray() : reader.ReadStringArray();
        if (version == 0 && topics is { Length: 0 })
        {
            topics = null;
        }
        var allowAutoCreate = version < 4 || reader.ReadBoolean();
        var includeCluster = version >= 8 && reader.ReadBoolean();
        var includeTopic = version >= 8 && reader.ReadBoolean();
        return new MetadataRequest(topics, allowAutoCreate, includeCluster, includeTopic);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteStringArray(version == 0 ? Topics ?? [] : Topics);
        if (version >= 4)
        {
            writer.WriteBoolean(AllowAutoTopicCreation);
        }
        if (version >= 8)
        {
            writer.WriteBoolean(IncludeClusterAuthorizedOperations);
            writer.WriteBoolean(IncludeTopicAuthorizedOperations);
        }
    }
}
