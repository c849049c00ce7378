using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.ListGroups;

/// <summary>
/// ListGroups response (key 16), versions 0-4. throttle_time_ms from v1; v3+ is flexible (compact strings
/// and arrays, tagged fields per group and at the end); group_state from v4.
/// </summary>
public sealed record ListGroupsResponse(ErrorCode ErrorCode, IReadOnlyList<ListGroupsResponse.ListedGroup> Groups, int ThrottleTimeMs = 0)
    : IKafkaMessage<ListGroupsResponse>
{
    /// <summary>One group; state (Empty, Stable, ...) is sent from v4 and is "" before.</summary>
    public sealed record ListedGroup(string GroupId, string ProtocolType, string GroupState = "");

    public static ListGroupsResponse Read(ref KafkaReader reader, short version)
    {
        var flexible = version >= 3;
        var throttle = version >= 1 ? reader.ReadInt32() : 0;
        var errorCode = (ErrorCode)reader.ReadInt16();
        var groups = reader.ReadArray(version, ReadGroup, flexible);
        if (flexible)
        {
            reader.SkipTaggedFields();
        }
        return new ListGroupsResponse(errorCode, groups, throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        var flexible = version >= 3;
        if (version >= 1)
        {
            writer.WriteInt32(ThrottleTimeMs);
        }
        writer.WriteInt16(ErrorCode);
        writer.WriteArray(Groups, version, WriteGroup, flexible);
        if (flexible)
        {
            writer.WriteEmptyTaggedFields();
        }
    }

    private static ListedGroup ReadGroup(ref KafkaReader reader, short version)
    {
        var flexible = version >= 3;
        var groupId = reader.ReadString(flexible);
        var protocolType = reader.ReadString(flexible);
        var state = version >= 4 ? reader.ReadString(flexible) : "";
        return new ListedGroup(groupId, protocolType, state);
    }

    private static void WriteGroup(ref KafkaWriter writer, ListedGroup group, short version)
    {
        var flexible = version >= 3;
        writer.WriteString(group.GroupId, flexible);
        writer.WriteString(group.ProtocolType, flexible);
        if (version >= 4)
        {
            writer.WriteString(group.GroupState, flexible);
        }
    }
}
