using System.Buffers;
using LagLab.Protocol;
using LagLab.Protocol.Primitives;

namespace LagLab.Broker.Groups.Persistence;

/// <summary>
/// Group metadata value, versions 0-3: protocol type, generation, protocol, leader, [v2+] state timestamp,
/// and members (id, [v3] instance id, client id, host, [v1+] rebalance timeout, session timeout,
/// subscription, assignment). Written at v1 (Burrow 1.2 reads only v0/v1), or at v3 when a member is
/// static, because only v3 carries the instance id a restart must restore.
/// </summary>
internal sealed record GroupMetadataValue(
    string ProtocolType,
    int GenerationId,
    string? ProtocolName,
    string? LeaderId,
    long StateTimestampMs,
    IReadOnlyList<GroupMetadataValue.Member> Members)
{
    public sealed record Member(
        string MemberId,
        string? GroupInstanceId,
        string ClientId,
        string ClientHost,
        int RebalanceTimeoutMs,
        int SessionTimeoutMs,
        ReadOnlyMemory<byte> Subscription,
        ReadOnlyMemory<byte> Assignment);

    /// <summary>v3 when any member is static, else v1.</summary>
    public short PreferredVersion => Members.Any(m => m.GroupInstanceId is not null) ? (short)3 : (short)1;

    public byte[] Encode() => Encode(PreferredVersion);

    public byte[] Encode(short version)
    {
        if (version is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Group metadata value versions are 0-3.");
        }
        var output = new ArrayBufferWriter<byte>(256);
        var writer = new KafkaWriter(output);
        writer.WriteInt16(version);
        writer.WriteString(ProtocolType, compact: false);
        writer.WriteInt32(GenerationId);
        writer.WriteNullableString(ProtocolName, compact: false);
        writer.WriteNullableString(LeaderId, compact: false);
        if (version >= 2)
        {
            writer.WriteInt64(StateTimestampMs);
        }
        writer.WriteArrayLength(Members.Count, compact: false);
        foreach (var member in Members)
        {
            writer.WriteString(member.MemberId, compact: false);
            if (version >= 3)
            {
                writer.WriteNullableString(member.GroupInstanceId, compact: false);
            }
            writer.WriteString(member.ClientId, compact: false);
            writer.WriteString(member.ClientHost, compact: false);
            if (version >= 1)
            {
                writer.WriteInt32(member.RebalanceTimeoutMs);
            }
            writer.WriteInt32(member.SessionTimeoutMs);
            writer.WriteBytes(member.Subscription.Span, compact: false);
            writer.WriteBytes(member.Assignment.Span, compact: false);
        }
        return output.WrittenSpan.ToArray();
    }

    public static GroupMetadataValue Decode(ReadOnlyMemory<byte> value)
    {
        try
        {
            var reader = new KafkaReader(value);
            var version = reader.ReadInt16();
            if (version is < 0 or > 3)
            {
                throw new InvalidDataException($"Group metadata value version {version} is not known.");
            }
            var protocolType = reader.ReadString(compact: false);
            var generation = reader.ReadInt32();
            var protocol = reader.ReadNullableString(compact: false);
            var leader = reader.ReadNullableString(compact: false);
            var stateTimestamp = version >= 2 ? reader.ReadInt64() : -1;
            var count = reader.ReadNonNullArrayLength(compact: false);
            var members = new List<Member>(count);
            for (var i = 0; i < count; i++)
            {
                var memberId = reader.ReadString(compact: false);
                var instanceId = version >= 3 ? reader.ReadNullableString(compact: false) : null;
                var clientId = reader.ReadString(compact: false);
                var clientHost = reader.ReadString(compact: false);
                var rebalanceTimeout = version >= 1 ? reader.ReadInt32() : -1;
                var sessionTimeout = reader.ReadInt32();
                var subscription = reader.ReadBytes(compact: false).ToArray();
                var assignment = reader.ReadBytes(compact: false).ToArray();
                // v0 has no rebalance timeout: Kafka then uses the session timeout.
                members.Add(new Member(memberId, instanceId, clientId, clientHost, version >= 1 ? rebalanceTimeout : sessionTimeout, sessionTimeout, subscription, assignment));
            }
            return new GroupMetadataValue(protocolType, generation, protocol, leader, stateTimestamp, members);
        }
        catch (KafkaProtocolException ex)
        {
            throw new InvalidDataException($"Group metadata value is malformed: {ex.Message}", ex);
        }
    }
}
