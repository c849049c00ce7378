using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.ApiVersions;

/// <summary>ApiVersions request (key 18), versions 0-3. Only v3 carries a body (client software name and version).</summary>
public sealed record ApiVersionsRequest(string? ClientSoftwareName = null, string? ClientSoftwareVersion = null)
    : IKafkaRequest<ApiVersionsRequest, ApiVersionsResponse>
{
    public static ApiKey ApiKey => ApiKey.ApiVersions;

    public static ApiVersionsRequest Read(ref KafkaReader reader, short version)
    {
        if (version < 3)
        {
            return new ApiVersionsRequest();
        }
        var name = reader.ReadString(compact: true);
        var softwareVersion = reader.ReadString(compact: true);
        reader.SkipTaggedFields();
        return new ApiVersionsRequest(name, softwareVersion);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version < 3)
        {
            return;
        }
        writer.WriteString(ClientSoftwareName ?? string.Empty, compact: true);
        writer.WriteString(ClientSoftwareVersion ?? string.Empty, compact: true);
        writer.WriteEmptyTaggedFields();
    }
}
