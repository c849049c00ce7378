using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.JoinGroup;

/// <summary>
/// JoinGroup request (key 11), versions 0-5. rebalance_timeout_ms from v1 (-1 before: the coordinator
/// uses the session timeout), group_instance_id (static membership, KIP-345) from v5.
/// </summary>
public sealed record JoinGroupRequest(
    string GroupId,
    int SessionTimeoutMs,
    string MemberId,
    string ProtocolType,
    IReadOnlyList<JoinGroupRequest.Protocol> Protocols,
    int RebalanceTimeoutMs = -1,
    string? GroupInstanceId = null)
    : IKafkaRequest<JoinGroupRequest, JoinGroupResponse>
{
    /// <summary>One supported assignment protocol; metadata is opaque here (see Groups/ConsumerProtocolSubscription).</summary>
    public sealed record Protocol(string Name, ReadOnlyMemory<byte> Metadata);

    public static ApiKey ApiKey => ApiKey.JoinGroup;

    public static JoinGroupRequest Read(ref KafkaReader reader, short version)
    {
        var groupId = reader.ReadString(compact: false);
        var sessionTimeout = reader.ReadInt32();
        var rebalanceTimeout = version >= 1 ? reader.ReadInt32() : -1;
        var memberId = reader.ReadString(compact: false);
        var instanceId = version >= 5 ? reader.ReadNullableString(compact: false) : null;
        var protocolType = reader.ReadString(compact: false);
        var protocols = reader.ReadArray(version, static (ref KafkaReader r, short _) =>
            new Protocol(r.ReadString(compact: false), r.ReadBytes(compact: false)));
        return new JoinGroupRequest(groupId, sessionTimeout, memberId, protocolType, protocols, rebalanceTimeout, instanceId);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteString(GroupId, compact: false);
        writer.WriteInt32(SessionTimeoutMs);
        if (version >= 1)
        {
            writer.WriteInt32(RebalanceTimeoutMs);
        }
        writer.WriteString(MemberId, compact: false);
        if (version >= 5)
        {
            writer.WriteNullableString(GroupInstanceId, compact: false);
        }
        writer.WriteString(ProtocolType, compact: false);
        writer.WriteArray(Protocols, version, static (ref KafkaWriter w, Protocol protocol, short _) =>
        {
            w.WriteString(protocol.Name, compact: false);
            w.WriteBytes(protocol.Metadata.Span, compact: false);
        });
    }
}
