using LagLab.Protocol.Primitives;

namespace LagLab.Protocol;

/// <summary>
/// Request header v1 (api key, version, correlation id, client id) or v2 (v1 plus tagged fields, for
/// flexible versions). The client id stays a classic int16-length string even in v2.
/// </summary>
public sealed record RequestHeader(ApiKey ApiKey, short ApiVersion, int CorrelationId, string? ClientId)
{
    /// <summary>Reads the fixed part only; the caller decides the header version once it knows the API.</summary>
    public static RequestHeader Read(ref KafkaReader reader, out bool flexible)
    {
        var apiKey = (ApiKey)reader.ReadInt16();
        var version = reader.ReadInt16();
        var correlationId = reader.ReadInt32();
        var clientId = reader.ReadNullableString(compact: false);
        flexible = ApiVersionTable.IsFlexible(apiKey, version);
        if (flexible)
        {
            reader.SkipTaggedFields();
        }
        return new RequestHeader(apiKey, version, correlationId, clientId);
    }

    public void Write(ref KafkaWriter writer)
    {
        writer.WriteInt16((short)ApiKey);
        writer.WriteInt16(ApiVersion);
        writer.WriteInt32(CorrelationId);
        writer.WriteNullableString(ClientId, compact: false);
        if (ApiVersionTable.IsFlexible(ApiKey, ApiVersion))
        {
            writer.WriteEmptyTaggedFields();
        }
    }

    /// <summary>Response header v1 (with tagged fields) for flexible versions, except ApiVersions which always uses v0.</summary>
    public bool FlexibleResponseHeader => ApiKey != ApiKey.ApiVersions && ApiVersionTable.IsFlexible(ApiKey, ApiVersion);

    public bool Flexible => ApiVersionTable.IsFlexible(ApiKey, ApiVersion);
}
