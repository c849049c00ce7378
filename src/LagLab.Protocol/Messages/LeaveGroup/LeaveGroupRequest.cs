using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.LeaveGroup;

/// <summary>
/// LeaveGroup request (key 13), versions 0-3. v0-2 name one member_id; v3 (KIP-345) carries a batch of
/// members instead, where an empty member_id means "by group_instance_id".
/// </summary>
public sealed record LeaveGroupRequest(string GroupId, string MemberId = "")
    : IKafkaRequest<LeaveGroupRequest, LeaveGroupResponse>
{
    public sealed record MemberIdentity(string MemberId, string? GroupInstanceId = null);

    /// <summary>The leaving members, v3 only (empty before).</summary>
    public IReadOnlyList<MemberIdentity> Members { get; init; } = [];

    public static ApiKey ApiKey => ApiKey.LeaveGroup;

    public static LeaveGroupRequest Read(ref KafkaReader reader, short version)
    {
        var groupId = reader.ReadString(compact: false);
        if (version < 3)
        {
            return new LeaveGroupRequest(groupId, reader.ReadString(compact: false));
        }
        var members = reader.ReadArray(version, static (ref KafkaReader r, short _) =>
            new MemberIdentity(r.ReadString(compact: false), r.ReadNullableString(compact: false)));
        return new LeaveGroupRequest(groupId) { Members = members };
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteString(GroupId, compact: false);
        if (version < 3)
        {
            writer.WriteString(MemberId, compact: false);
            return;
        }
        writer.WriteArray(Members, version, static (ref KafkaWriter w, MemberIdentity member, short _) =>
        {
            w.WriteString(member.MemberId, compact: false);
            w.WriteNullableString(member.GroupInstanceId, compact: false);
        });
    }
}
