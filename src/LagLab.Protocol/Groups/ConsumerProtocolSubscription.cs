using LagLab.Protocol.Messages;
using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Groups;

/// <summary>
/// The "consumer" protocol's subscription, carried as a JoinGroup protocol's metadata bytes
/// (ConsumerProtocolSubscription.json, versions 0-3): topics and user_data; owned_partitions from v1
/// (cooperative rebalancing), generation_id from v2, rack_id from v3.
/// </summary>
public sealed record ConsumerProtocolSubscription(
    IReadOnlyList<string> Topics,
    ReadOnlyMemory<byte>? UserData = null,
    int GenerationId = -1,
    string? RackId = null)
    : IKafkaMessage<ConsumerProtocolSubscription>
{
    public const short MaxVersion = ConsumerProtocol.MaxVersion;

    /// <summary>Partitions the member owns before this rebalance (v1+; empty before).</summary>
    public IReadOnlyList<ConsumerProtocolTopicPartitions> OwnedPartitions { get; init; } = [];

    /// <summary>Decodes version-prefixed metadata bytes as sent in JoinGroup or shown by DescribeGroups.</summary>
    public static ConsumerProtocolSubscription Deserialize(ReadOnlyMemory<byte> bytes) =>
        ConsumerProtocol.Deserialize<ConsumerProtocolSubscription>(bytes, "subscription");

    /// <summary>Encodes as version-prefixed metadata bytes at <paramref name="version"/> (0-3).</summary>
    public byte[] Serialize(short version) => ConsumerProtocol.Serialize(this, version);

    public static ConsumerProtocolSubscription Read(ref KafkaReader reader, short version)
    {
        var topics = reader.ReadStringArray();
        var userData = reader.ReadNullableBytes(compact: false);
        var owned = version >= 1 ? ConsumerProtocol.ReadTopicPartitions(ref reader) : [];
        var generationId = version >= 2 ? reader.ReadInt32() : -1;
        var rackId = version >= 3 ? reader.ReadNullableString(compact: false) : null;
        return new ConsumerProtocolSubscription(topics, userData, generationId, rackId) { OwnedPartitions = owned };
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteStringArray(Topics);
        writer.WriteNullableBytes(UserData, compact: false);
        if (version >= 1)
        {
            ConsumerProtocol.WriteTopicPartitions(ref writer, OwnedPartitions);
        }
        if (version >= 2)
        {
            writer.WriteInt32(GenerationId);
        }
        if (version >= 3)
        {
            writer.WriteNullableString(RackId, compact: false);
        }
    }
}
