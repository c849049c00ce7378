using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.LeaveGroup;

/// <summary>LeaveGroup response (key 13), versions 0-3. throttle_time_ms from v1; per-member results from v3.</summary>
public sealed record LeaveGroupResponse(ErrorCode ErrorCode, int ThrottleTimeMs = 0) : IKafkaMessage<LeaveGroupResponse>
{
    public sealed record MemberResponse(string MemberId, string? GroupInstanceId, ErrorCode ErrorCode);

    /// <summary>One result per member of a v3 request (empty before v3).</summary>
    public IReadOnlyList<MemberResponse> Members { get; init; } = [];

    public static LeaveGroupResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = version >= 1 ? reader.ReadInt32() : 0;
        var errorCode = (ErrorCode)reader.ReadInt16();
        if (version < 3)
        {
            return new LeaveGroupResponse(errorCode, throttle);
        }
        var members = reader.ReadArray(version, static (ref KafkaReader r, short _) =>
            new MemberResponse(r.ReadString(compact: false), r.ReadNullableString(compact: false), (ErrorCode)r.ReadInt16()));
        return new LeaveGroupResponse(errorCode, throttle) { Members = members };
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 1)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
        writer.WriteInt16(ErrorCode);
        if (version < 3)
        {
            return;
        }
        writer.WriteArray(Members, version, static (ref KafkaWriter w, MemberResponse member, short _) =>
        {
            w.WriteString(member.MemberId, compact: false);
            w.WriteNullableString(member.GroupInstanceId, compact: false);
            w.WriteInt16(member.ErrorCode);
        });
    }
}
