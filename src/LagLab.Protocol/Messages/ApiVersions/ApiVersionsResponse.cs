using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.ApiVersions;

/// <summary>ApiVersions response (key 18), versions 0-3. throttle_time_ms follows the key list from v1.</summary>
public sealed record ApiVersionsResponse(ErrorCode ErrorCode, IReadOnlyList<ApiVersionsResponse.ApiKeyRange> ApiKeys, int ThrottleTimeMs = 0)
    : IKafkaMessage<ApiVersionsResponse>
{
    public sealed record ApiKeyRange(short ApiKey, short MinVersion, short MaxVersion);

    public static ApiVersionsResponse Read(ref KafkaReader reader, short version)
    {
        var flexible = version >= 3;
        var errorCode = (ErrorCode)reader.ReadInt16();
        var keys = reader.ReadArray(version, static (ref KafkaReader r, short _) =>
            new ApiKeyRange(r.ReadInt16(), r.ReadInt16(), r.ReadInt16()), flexible);
        var throttle = version >= 1 ? reader.ReadInt32() : 0;
        if (flexible)
        {
            reader.SkipTaggedFields();
        }
        return new ApiVersionsResponse(errorCode, keys, throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        var flexible = version >= 3;
        writer.WriteInt16(ErrorCode);
        writer.WriteArray(ApiKeys, version, static (ref KafkaWriter w, ApiKeyRange key, short _) =>
        {
            w.WriteInt16(key.ApiKey);
            w.WriteInt16(key.MinVersion);
            w.WriteInt16(key.MaxVersion);
        }, flexible);
        if (version >= 1)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
        if (flexible)
        {
            writer.WriteEmptyTaggedFields();
        }
    }
}
