using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.DescribeConfigs;

/// <summary>DescribeConfigs response (key 32), versions 0-1. v0 says is_default; v1 says config_source and lists synonyms.</summary>
public sealed record DescribeConfigsResponse(IReadOnlyList<DescribeConfigsResponse.Result> Results, int ThrottleTimeMs = 0)
    : IKafkaMessage<DescribeConfigsResponse>
{
    public static DescribeConfigsResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = reader.ReadInt32();
        return new DescribeConfigsResponse(reader.ReadArray<Result>(version), throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteInt32(ThrottleTimeMs);
        writer.WriteArray(Results, version);
    }

    public sealed record Result(
        ErrorCode ErrorCode,
        string? ErrorMessage,
        ConfigResourceType ResourceType,
        string ResourceName,
        IReadOnlyList<Config> Configs) : IKafkaMessage<Result>
    {
        public static Result Read(ref KafkaReader reader, short version)
        {
            var errorCode = (ErrorCode)reader.ReadInt16();
            var errorMessage = reader.ReadNullableString(compact: false);
            var resourceType = (ConfigResourceType)reader.ReadInt8();
            var resourceName = reader.ReadString(compact: false);
            return new Result(errorCode, errorMessage, resourceType, resourceName, reader.ReadArray<Config>(version));
        }

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteInt16(ErrorCode);
            writer.WriteNullableString(ErrorMessage, compact: false);
            writer.WriteInt8((sbyte)ResourceType);
            writer.WriteString(ResourceName, compact: false);
            writer.WriteArray(Configs, version);
        }
    }

    /// <summary>
    /// One config entry. Handlers set both IsDefault and ConfigSource; the version picks which one travels
    /// (IsDefault v0 only, ConfigSource and Synonyms v1+).
    /// </summary>
    public sealed record Config(
        string Name,
        string? Value,
        bool ReadOnly,
        bool IsSensitive,
        bool IsDefault = false,
        ConfigSource ConfigSource = ConfigSource.NotSent,
        IReadOnlyList<Synonym>? Synonyms = null) : IKafkaMessage<Config>
    {
        public IReadOnlyList<Synonym> Synonyms { get; init; } = Synonyms ?? [];

        public static Config Read(ref KafkaReader reader, short version)
        {
            var name = reader.ReadString(compact: false);
            var value = reader.ReadNullableString(compact: false);
            var readOnly = reader.ReadBoolean();
            var isDefault = version == 0 && reader.ReadBoolean();
            var source = version >= 1 ? (ConfigSource)reader.ReadInt8() : ConfigSource.NotSent;
            var isSensitive = reader.ReadBoolean();
            var synonyms = version >= 1 ? reader.ReadArray<Synonym>(version) : null;
            return new Config(name, value, readOnly, isSensitive, isDefault, source, synonyms);
        }

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteString(Name, compact: false);
            writer.WriteNullableString(Value, compact: false);
            writer.WriteBoolean(ReadOnly);
            if (version == 0)
            {
                writer.WriteBoolean(IsDefault);
            }
            else
            {
                writer.WriteInt8((sbyte)ConfigSource);
            }
            writer.WriteBoolean(IsSensitive);
            if (version >= 1)
            {
                writer.WriteArray(Synonyms, version);
            }
        }
    }

    /// <summary>Another place the same config is set, in precedence order (v1+).</summary>
    public sealed record Synonym(string Name, string? Value, ConfigSource Source) : IKafkaMessage<Synonym>
    {
        public static Synonym Read(ref KafkaReader reader, short version) =>
            new(reader.ReadString(compact: false), reader.ReadNullableString(compact: false), (ConfigSource)reader.ReadInt8());

        public void Write(ref KafkaWriter writer, short version)
        {
            writer.WriteString(Name, compact: false);
            writer.WriteNullableString(Value, compact: false);
            writer.WriteInt8((sbyte)Source);
        }
    }
}
