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
        var count = reader.ReadNonNullArrayLength(flexible);
        var keys = new List<ApiKeyRange>(count);
        for (var i = 0; i < count; i++)
        {
            keys.Add(new ApiKeyRange(reader.ReadInt16(), reader.ReadInt16(), reader.ReadInt16()));
            if (flexible)
            {
                reader.SkipTaggedFields();
            }
        }
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
        writer.WriteArrayLength(ApiKeys.Count, flexible);
        foreach (var key in ApiKeys)
        {
            writer.WriteInt16(key.ApiKey);
            writer.WriteInt16(key.MinVersion);
            writer.WriteInt16(key.MaxVersion);
            if (flexible)
            {
                writer.WriteEmptyTaggedFields();
            }
        }
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
