using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Groups;

/// <summary>
/// The "consumer" protocol's assignment, carried as SyncGroup assignment bytes and shown by DescribeGroups
/// (ConsumerProtocolAssignment.json, versions 0-3, all with the same layout): assigned partitions and user_data.
/// </summary>
public sealed record ConsumerProtocolAssignment(
    IReadOnlyList<ConsumerProtocolTopicPartitions> AssignedPartitions,
    ReadOnlyMemory<byte>? UserData = null)
    : IKafkaMessage<ConsumerProtocolAssignment>
{
    public const short MaxVersion = ConsumerProtocol.MaxVersion;

    /// <summary>
    /// Decodes version-prefixed assignment bytes. Empty bytes (a member with no assignment yet, e.g. in
    /// DescribeGroups outside Stable) are not an assignment: check <c>IsEmpty</c> first.
    /// </summary>
    public static ConsumerProtocolAssignment Deserialize(ReadOnlyMemory<byte> bytes) =>
        ConsumerProtocol.Deserialize<ConsumerProtocolAssignment>(bytes, "assignment");

    /// <summary>Encodes as version-prefixed assignment bytes at <paramref name="version"/> (0-3).</summary>
    public byte[] Serialize(short version) => ConsumerProtocol.Serialize(this, version);

    public static ConsumerProtocolAssignment Read(ref KafkaReader reader, short version)
    {
        var assigned = ConsumerProtocol.ReadTopicPartitions(ref reader);
        return new ConsumerProtocolAssignment(assigned, reader.ReadNullableBytes(compact: false));
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        ConsumerProtocol.WriteTopicPartitions(ref writer, AssignedPartitions);
        writer.WriteNullableBytes(UserData, compact: false);
    }
}
