using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.DescribeGroups;

/// <summary>
/// DescribeGroups response (key 15), versions 0-4. throttle_time_ms from v1, authorized_operations from v3
/// (int.MinValue when not requested), members' group_instance_id from v4. An unknown group is described
/// with error NONE and state "Dead".
/// </summary>
public sealed record DescribeGroupsResponse(IReadOnlyList<DescribeGroupsResponse.DescribedGroup> Groups, int ThrottleTimeMs = 0)
    : IKafkaMessage<DescribeGroupsResponse>
{
    /// <summary>Authorized operations value meaning "not requested / unknown".</summary>
    public const int AuthorizedOperationsOmitted = int.MinValue;

    /// <summary>protocol_data is the selected protocol's name (the assignor, e.g. "range").</summary>
    public sealed record DescribedGroup(
        ErrorCode ErrorCode,
        string GroupId,
        string GroupState,
        string ProtocolType,
        string ProtocolData,
        IReadOnlyList<Member> Members,
        int AuthorizedOperations = AuthorizedOperationsOmitted);

    /// <summary>
    /// One member; metadata and assignment are opaque (see Groups/ConsumerProtocolSubscription and
    /// ConsumerProtocolAssignment) and only filled in for a Stable group.
    /// </summary>
    public sealed record Member(
        string MemberId,
        string ClientId,
        string ClientHost,
        ReadOnlyMemory<byte> MemberMetadata,
        ReadOnlyMemory<byte> MemberAssignment,
        string? GroupInstanceId = null);

    public static DescribeGroupsResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = version >= 1 ? reader.ReadInt32() : 0;
        return new DescribeGroupsResponse(reader.ReadArray(version, ReadGroup), throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version >= 1)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
        writer.WriteArray(Groups, version, WriteGroup);
    }

    private static DescribedGroup ReadGroup(ref KafkaReader reader, short version)
    {
        var errorCode = (ErrorCode)reader.ReadInt16();
        var groupId = reader.ReadString(compact: false);
        var state = reader.ReadString(compact: false);
        var protocolType = reader.ReadString(compact: false);
        var protocolData = reader.ReadString(compact: false);
        var members = reader.ReadArray(version, ReadMember);
        var operations = version >= 3 ? reader.ReadInt32() : AuthorizedOperationsOmitted;
        return new DescribedGroup(errorCode, groupId, state, protocolType, protocolData, members, operations);
    }

    private static void WriteGroup(ref KafkaWriter writer, DescribedGroup group, short version)
    {
        writer.WriteInt16(group.ErrorCode);
        writer.WriteString(group.GroupId, compact: false);
        writer.WriteString(group.GroupState, compact: false);
        writer.WriteString(group.ProtocolType, compact: false);
        writer.WriteString(group.ProtocolData, compact: false);
        writer.WriteArray(group.Members, version, WriteMember);
        if (version >= 3)
        {
            writer.WriteInt32(group.AuthorizedOperations);
        }
    }

    private static Member ReadMember(ref KafkaReader reader, short version)
    {
        var memberId = reader.ReadString(compact: false);
        var instanceId = version >= 4 ? reader.ReadNullableString(compact: false) : null;
        var clientId = reader.ReadString(compact: false);
        var clientHost = reader.ReadString(compact: false);
        var metadata = reader.ReadBytes(compact: false);
        var assignment = reader.ReadBytes(compact: false);
        return new Member(memberId, clientId, clientHost, metadata, assignment, instanceId);
    }

    private static void WriteMember(ref KafkaWriter writer, Member member, short version)
    {
        writer.WriteString(member.MemberId, compact: false);
        if (version >= 4)
        {
            writer.WriteNullableString(member.GroupInstanceId, compact: false);
        }
        writer.WriteString(member.ClientId, compact: false);
        writer.WriteString(member.ClientHost, compact: false);
        writer.WriteBytes(member.MemberMetadata.Span, compact: false);
        writer.WriteBytes(member.MemberAssignment.Span, compact: false);
    }
}
