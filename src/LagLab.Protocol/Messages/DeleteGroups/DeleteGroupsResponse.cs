using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.DeleteGroups;

/// <summary>DeleteGroups response (key 42), versions 0-1. throttle_time_ms is first at every version.</summary>
public sealed record DeleteGroupsResponse(IReadOnlyList<DeleteGroupsResponse.DeletableGroupResult> Results, int ThrottleTimeMs = 0)
    : IKafkaMessage<DeleteGroupsResponse>
{
    /// <summary>NON_EMPTY_GROUP when the group still has members, GROUP_ID_NOT_FOUND when unknown.</summary>
    public sealed record DeletableGroupResult(string GroupId, ErrorCode ErrorCode);

    public static DeleteGroupsResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = reader.ReadInt32();
        var results = reader.ReadArray(version, static (ref KafkaReader r, short _) =>
            new DeletableGroupResult(r.ReadString(compact: false), (ErrorCode)r.ReadInt16()));
        return new DeleteGroupsResponse(results, throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteInt32(ThrottleTimeMs);
        writer.WriteArray(Results, version, static (ref KafkaWriter w, DeletableGroupResult result, short _) =>
        {
            w.WriteString(result.GroupId, compact: false);
            w.WriteInt16(result.ErrorCode);
        });
    }
}
