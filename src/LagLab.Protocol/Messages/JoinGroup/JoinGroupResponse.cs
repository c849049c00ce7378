using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.JoinGroup;

/// <summary>
/// JoinGroup response (key 11), versions 0-5. throttle_time_ms from v2; members' group_instance_id from v5.
/// Only the leader receives a non-empty member list.
/// </summary>
public sealed record JoinGroupResponse(
    ErrorCode ErrorCode,
    int GenerationId,
    string ProtocolName,
    string Leader,
    string MemberId,
    IReadOnlyList<JoinGroupResponse.Member> Members,
    int ThrottleTimeMs = 0)
    : IKafkaMessage<JoinGroupResponse>
{
    /// <summary>A member as the leader sees it, with the metadata of the selected protocol.</summary>
    public sealed record Member(string MemberId, ReadOnlyMemory<byte> Metadata, string? GroupInstanceId = null);

    public static JoinGroupResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = version >= 2 ? reader.ReadInt32() : 0;
        var errorCode = (ErrorCode)reader.ReadInt16();
        var generationId = reader.ReadInt32();
        var protocolName = reader.ReadString(compact: false);
        var leader = reader.ReadString(compact: false);
        var memberId = reader.ReadString(compact: false);
        var members = reader.ReadArray(version, ReadMember);
        return new JoinGroupResponse(errorCode, generationId, protocolName, leader, memberId, members, throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 2)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
        writer.WriteInt16(ErrorCode);
        writer.WriteInt32(GenerationId);
        writer.WriteString(ProtocolName, compact: false);
        writer.WriteString(Leader, compact: false);
        writer.WriteString(MemberId, compact: false);
        writer.WriteArray(Members, version, WriteMember);
    }

    private static Member ReadMember(ref KafkaReader reader, short version)
    {
        var id = reader.ReadString(compact: false);
        var instanceId = version >= 5 ? reader.ReadNullableString(compact: false) : null;
        return new Member(id, reader.ReadBytes(compact: false), instanceId);
    }

    private static void WriteMember(ref KafkaWriter writer, Member member, short version)
    {
        writer.WriteString(member.MemberId, compact: false);
        if (version >= 5)
        {
            writer.WriteNullableString(member.GroupInstanceId, compact: false);
        }
        writer.WriteBytes(member.Metadata.Span, compact: false);
    }
}
