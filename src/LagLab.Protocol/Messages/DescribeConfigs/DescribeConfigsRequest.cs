using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.DescribeConfigs;

/// <summary>DescribeConfigs request (key 32), versions 0-1. include_synonyms v1.</summary>
public sealed record DescribeConfigsRequest(IReadOnlyList<DescribeConfigsRequest.Resource> Resources, bool IncludeSynonyms = false)
    : IKafkaRequest<DescribeConfigsRequest, DescribeConfigsResponse>
{
    public static ApiKey ApiKey => ApiKey.DescribeConfigs;

    public static DescribeConfigsRequest Read(ref KafkaReader reader, short version)
    {
        var resources = reader.ReadArray<Resource>(version);
        return new DescribeConfigsRequest(resources, version >= 1 && reader.ReadBoolean());
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteArray(Resources, version);
        if (version >= 1)
        {
            writer.WriteBoolean(IncludeSynonyms);
        }
    }

    /// <summary>A resource to describe; ConfigurationKeys null means every key.</summary>
    public sealed record Resource(ConfigResourceType ResourceType, string ResourceName, IReadOnlyList<string>? ConfigurationKeys = null)
        : IKafkaMessage<Resource>
    {
        public static Resource Read(ref KafkaReader reader, short version) =>
            new((ConfigResourceType)reader.ReadInt8(), reader.ReadString(compact: false), reader.ReadNullableStringArray());

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteInt8((sbyte)ResourceType);
            writer.WriteString(ResourceName, compact: false);
            writer.WriteStringArray(ConfigurationKeys);
        }
    }
}
